package events.api;

/** Stream ids ("millis-sequence"), the position of an event on a stream: one place that reads them. */
public final class StreamIds {

    private StreamIds() {
    }

    /** Orders stream ids numerically (as Redis does; not as text). */
    public static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byMillis = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byMillis != 0 ? byMillis : Long.compare(Long.parseLong(a.substring(da + 1)),
                Long.parseLong(b.substring(db + 1)));
    }

    /** The smallest stream id after this one. */
    public static String next(String streamId) {
        int dash = streamId.indexOf('-');
        return streamId.substring(0, dash + 1) + (Long.parseLong(streamId.substring(dash + 1)) + 1);
    }

    /** The Unix time in milliseconds at which the entry was added. */
    public static long millisOf(String streamId) {
        int dash = streamId.indexOf('-');
        return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
    }
}
