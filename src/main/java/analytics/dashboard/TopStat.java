package analytics.dashboard;

/** A figure of the top row; a link that charts it, with the period and tabs kept. */
record TopStat(String id, String label, String value, String exact, String href, boolean current) {
}
