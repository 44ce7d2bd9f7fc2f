package ingest;

/** What the User-Agent says about the visitor's software. */
record Agent(String browser, String os, String device, boolean bot) {
}
