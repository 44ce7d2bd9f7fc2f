package analytics.readmodel;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Names of one site's read-model keys. All share the hash tag {site}, so one Lua step can update
 * them together, on a single Redis or a cluster. Hours are named by the epoch second at which the
 * local hour starts, which keeps both 01:00 hours of a daylight-saving fall-back apart. Every
 * key carries the read model's generation, so a rebuild can grow a new one beside the live one.
 */
public record ReadModelKeys(String prefix, int generation) {

    /** Everything of one site in this generation starts with this. */
    public String site(String site) {
        return prefix + ":{" + site + "}:g" + generation + ":";
    }

    /** Position of the last live event applied to this site. */
    public String position(String site) {
        return site(site) + "pos";
    }

    /** Position of the last replayed event applied to this site (rebuilds). */
    String replayPosition(String site) {
        return site(site) + "rpos";
    }

    /** Counts events that reached a closed day: merges of closed days made before then are out of date. */
    String late(String site) {
        return site(site) + "late";
    }

    /** A merge of closed buckets (see Rollups), named by what it merges. */
    String rollup(String site, String kind, String id) {
        return site(site) + "roll:" + kind + ":" + id;
    }

    public String pageviews(String site, Bucket bucket) {
        return site(site) + "pv:" + bucket.key();
    }

    public String visitors(String site, Bucket bucket) {
        return site(site) + "uv:" + bucket.key();
    }

    public String pages(String site, Bucket bucket) {
        return site(site) + "pages:" + bucket.key();
    }

    public String pageVisitors(String site, Bucket bucket, String path) {
        return site(site) + "pagev:" + bucket.key() + ":" + path;
    }

    /** A bucket's count of one visit metric: visits that started in it, their bounces, their duration (ms). */
    public String visitCounter(String site, Bucket bucket, VisitMetric metric) {
        return site(site) + "v" + metric.key() + ":" + bucket.key();
    }

    /** A bucket's ranking of a dimension's values by one metric (a sorted set). */
    public String dimension(String site, Bucket bucket, Dimension dimension, VisitMetric metric) {
        return site(site) + "d:" + dimension.key() + ":" + metric.key() + ":" + bucket.key();
    }

    /** The visitors of one value of a dimension in a bucket (a HyperLogLog). */
    public String dimensionVisitors(String site, Bucket bucket, Dimension dimension, String value) {
        return site(site) + "dv:" + dimension.key() + ":" + bucket.key() + ":" + value;
    }

    public String realtime(String site, long epochMinute) {
        return site(site) + "rt:" + epochMinute;
    }

    /** A time bucket of the read model: an hour, a day or a month, in the site's time zone. */
    public sealed interface Bucket permits Hour, Day, Month {
        String key();
    }

    public record Hour(long startEpochSecond) implements Bucket {
        public String key() {
            return "h:" + startEpochSecond;
        }
    }

    public record Day(LocalDate date) implements Bucket {
        public String key() {
            return "d:" + date;
        }
    }

    public record Month(YearMonth month) implements Bucket {
        public String key() {
            return "m:" + month;
        }
    }
}
