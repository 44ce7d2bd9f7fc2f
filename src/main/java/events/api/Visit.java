package events.api;

/**
 * A hit's place in its visit, as ingest assigned it (Plausible's rule: 30 minutes without an event
 * end a visit). Stored with the hit's raw row, so a rebuild replays exactly the same visits.
 *
 * @param id          the visit's id: the event id of its first hit
 * @param startMillis when its first hit arrived
 * @param flags       {@link #STARTS}, {@link #BOUNCE}, {@link #ENTRY}, {@link #UNBOUNCE}, {@link #ENTRY_BOUNCE}
 * @param addedMillis how much this hit lengthened the visit
 * @param exitFrom    the page this page view takes the visit's exit from (null for none)
 * @param entryPage   the visit's entry page so far (null before its first page view)
 * @param source      the visit's acquisition: that of its first hit
 */
public record Visit(String id, long startMillis, int flags, long addedMillis, String exitFrom, String entryPage,
        Acquisition source) {

    /** The visit starts with this hit. */
    public static final int STARTS = 1;
    /** The visit starts as a bounce (counted in bounces until a later hit ends it). */
    public static final int BOUNCE = 2;
    /** This is the visit's entry page view. */
    public static final int ENTRY = 4;
    /** This hit ends the visit's bounce: a second page view or an interactive event. */
    public static final int UNBOUNCE = 8;
    /** The entry page view leaves the visit a bounce so far (bounce rates of entry pages). */
    public static final int ENTRY_BOUNCE = 16;

    /** An engagement event outside any visit: it belongs to none and starts none. */
    public static final Visit NONE = new Visit(null, 0, 0, 0, null, null, Acquisition.NONE);

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean exists() {
        return id != null;
    }
}
