package ingest.enrich;

/** Plausible's acquisition channels (visit:channel), each with the label Plausible shows and filters on. */
public enum Channel {
    CROSS_NETWORK("Cross-network"),
    PAID_SHOPPING("Paid Shopping"),
    PAID_SEARCH("Paid Search"),
    PAID_SOCIAL("Paid Social"),
    PAID_VIDEO("Paid Video"),
    DISPLAY("Display"),
    PAID_OTHER("Paid Other"),
    ORGANIC_SHOPPING("Organic Shopping"),
    ORGANIC_SOCIAL("Organic Social"),
    ORGANIC_VIDEO("Organic Video"),
    AI_ASSISTANTS("AI Assistants"),
    ORGANIC_SEARCH("Organic Search"),
    EMAIL("Email"),
    AFFILIATES("Affiliates"),
    AUDIO("Audio"),
    SMS("SMS"),
    MOBILE_PUSH_NOTIFICATIONS("Mobile Push Notifications"),
    REFERRAL("Referral"),
    DIRECT("Direct");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
