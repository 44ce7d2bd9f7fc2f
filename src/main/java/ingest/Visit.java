package ingest;

/**
 * A hit's place in its visit, as {@link Visits} assigned it.
 *
 * @param id            the visit's id: the event id of its first hit
 * @param startMillis   when its first hit arrived
 * @param flags         {@link #STARTS}, {@link #BOUNCE}, {@link #ENTRY}, {@link #UNBOUNCE}, {@link #ENTRY_BOUNCE}
 * @param addedMillis   how much this hit lengthened the visit
 * @param exitFrom      the page this page view takes the visit's exit from (null for none)
 * @param entryPage     the visit's entry page so far
 * @param attributes    the visit's attributes: those of its first hit
 */
record Visit(String id, long startMillis, int flags, long addedMillis, String exitFrom, String entryPage,
        String attributes) {

    static final int STARTS = 1;
    static final int BOUNCE = 2;
    static final int ENTRY = 4;
    static final int UNBOUNCE = 8;
    static final int ENTRY_BOUNCE = 16;

    /** An engagement event outside any visit: it belongs to none and starts none. */
    static final Visit NONE = new Visit(null, 0, 0, 0, null, null, null);

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
