package ingest.enrich;

import java.util.Locale;

/** What kind of place a source is, as the referrer database and Plausible's channel rules group them. */
public enum SourceCategory {
    SEARCH, SOCIAL, EMAIL, VIDEO, SHOPPING, AI_ASSISTANT, PAID, UNKNOWN;

    /** From a data file's category column: search, social, email, video, shopping, ai_assistant, paid, unknown. */
    static SourceCategory of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
