package events;

/** The fields of stream entries, named once (events/complete.lua writes EVENT too: keep the two equal). */
final class StreamFields {

    /** An event as JSON: page views, site events, replayed events, dead letters. */
    static final String EVENT = "e";
    /** A queued hit's payload. */
    static final String HIT = "h";
    /** The read-model generation a replay entry fills. */
    static final String GENERATION = "g";
    /** A replay marker: where a partition's replay stands (see RedisReplays). */
    static final String MARKER = "m";
    /** A replay marker's number of rows replayed. */
    static final String COUNT = "n";
    /** Why a replay was aborted. */
    static final String REASON = "why";
    /** A site event's type. */
    static final String TYPE = "t";

    private StreamFields() {
    }
}
