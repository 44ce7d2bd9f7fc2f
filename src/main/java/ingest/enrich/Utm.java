package ingest.enrich;

/**
 * The campaign parameters, decoded, stripped, bounded to {@link #MAX} chars, control characters removed; null when absent.
 * utm_source falls back to ?source= and ?ref=; utm_medium is "(gclid)" or "(msclkid)" for untagged Google or
 * Bing ad clicks, as in Plausible.
 */
public record Utm(String source, String medium, String campaign, String content, String term) {

    public static final int MAX = 255;
}
