package events;

import events.api.KeyPrefix;
import jakarta.enterprise.context.ApplicationScoped;

/** The one place that names streams; partitions share a hash tag so one Lua step spans queue and stream. */
@ApplicationScoped
class StreamKeys {

    private final String prefix;
    private final int partitions;

    StreamKeys(EventsConfig config, KeyPrefix prefix) {
        this.prefix = prefix.value();
        this.partitions = Math.max(1, config.partitions());
    }

    int partitions() {
        return partitions;
    }

    int partitionOf(String site) {
        return Math.floorMod(site.hashCode(), partitions);
    }

    String queue(int partition) {
        return tag(partition) + ":queue";
    }

    String pageViews(int partition) {
        return tag(partition) + ":pageviews";
    }

    String replay(int partition) {
        return tag(partition) + ":replay";
    }

    String deadLetters() {
        return prefix + ":{sites}:dead-letters";
    }

    String replayRequest() {
        return prefix + ":{sites}:replay-request";
    }

    String replayBegun() {
        return prefix + ":{sites}:replay-begun";
    }

    String replayClaim() {
        return prefix + ":{sites}:replay-claim";
    }

    String cursor(String subscriber, int partition) {
        return tag(partition) + ":cursor:" + subscriber;
    }

    String lease(String subscriber, int partition) {
        return tag(partition) + ":lease:" + subscriber;
    }

    String sites() {
        return prefix + ":{sites}:events";
    }

    String trimLock() {
        return prefix + ":{sites}:trim-lock";
    }

    private String tag(int partition) {
        return prefix + ":{p" + partition + "}";
    }
}
