package ingest.enrich;

import java.util.Locale;
import java.util.Set;

/**
 * Plausible's channel rules (Plausible.Ingestion.Acquisition, itself GA4's default channel grouping with
 * additions), tried in Plausible's order; the first that holds names the channel.
 */
final class Channels {

    private static final Set<String> DISPLAY_MEDIA = Set.of("display", "banner", "expandable", "interstitial", "cpm");
    private static final Set<String> SOCIAL_MEDIA = Set.of("social", "social-network", "social-media", "sm",
            "social network", "social media");
    private static final Set<String> REFERRAL_MEDIA = Set.of("referral", "app", "link");
    private static final String[] EMAIL_TAGS = {"email", "e-mail", "e_mail", "e mail", "newsletter"};

    private final SourceNames names;

    Channels(SourceNames names) {
        this.names = names;
    }

    /**
     * @param source the visit's source name (null for Direct / None)
     * @param clickIdParam the first click-id parameter present (gclid, msclkid, ...), or null
     */
    Channel of(String source, String utmMedium, String utmCampaign, String utmSource, String clickIdParam) {
        String src = lower(source);
        String medium = lower(utmMedium);
        String campaign = lower(utmCampaign);
        String tag = lower(utmSource);
        SourceCategory category = names.categoryOf(source);
        boolean paidMedium = isPaidMedium(medium);
        boolean paidTag = names.isPaidTag(tag);
        boolean shoppingCampaign = isShoppingCampaign(campaign);

        if (campaign.contains("cross-network")) {
            return Channel.CROSS_NETWORK;
        }
        if ((category == SourceCategory.SHOPPING || shoppingCampaign) && paidMedium) {
            return Channel.PAID_SHOPPING;
        }
        if (category == SourceCategory.SEARCH && (paidMedium || paidTag)
                || src.equals("google") && "gclid".equals(clickIdParam)
                || src.equals("bing") && "msclkid".equals(clickIdParam)) {
            return Channel.PAID_SEARCH;
        }
        if (category == SourceCategory.SOCIAL && (paidMedium || paidTag)) {
            return Channel.PAID_SOCIAL;
        }
        if (category == SourceCategory.VIDEO && (paidMedium || paidTag)) {
            return Channel.PAID_VIDEO;
        }
        if (DISPLAY_MEDIA.contains(medium)) {
            return Channel.DISPLAY;
        }
        if (paidMedium) {
            return Channel.PAID_OTHER;
        }
        if (category == SourceCategory.SHOPPING || shoppingCampaign) {
            return Channel.ORGANIC_SHOPPING;
        }
        if (category == SourceCategory.SOCIAL || SOCIAL_MEDIA.contains(medium)) {
            return Channel.ORGANIC_SOCIAL;
        }
        if (category == SourceCategory.VIDEO || medium.contains("video")) {
            return Channel.ORGANIC_VIDEO;
        }
        if (category == SourceCategory.AI_ASSISTANT) {
            return Channel.AI_ASSISTANTS;
        }
        if (category == SourceCategory.SEARCH) {
            return Channel.ORGANIC_SEARCH;
        }
        if (category == SourceCategory.EMAIL || containsAny(tag, EMAIL_TAGS) || containsAny(medium, EMAIL_TAGS)) {
            return Channel.EMAIL;
        }
        if (medium.equals("affiliate")) {
            return Channel.AFFILIATES;
        }
        if (medium.equals("audio")) {
            return Channel.AUDIO;
        }
        if (tag.equals("sms") || medium.equals("sms")) {
            return Channel.SMS;
        }
        if (medium.endsWith("push") || medium.contains("mobile") || medium.contains("notification")
                || src.equals("firebase")) {
            return Channel.MOBILE_PUSH_NOTIFICATIONS;
        }
        if (REFERRAL_MEDIA.contains(medium) || !src.isEmpty()) {
            return Channel.REFERRAL;
        }
        return Channel.DIRECT;
    }

    // Plausible's ^(.*cp.*|ppc|retargeting|paid.*)$, without a regex per hit
    static boolean isPaidMedium(String medium) {
        return medium.contains("cp") || medium.equals("ppc") || medium.equals("retargeting") || medium.startsWith("paid");
    }

    // Plausible's ^(.*(([^a-df-z]|^)shop|shopping).*)$: "shopping" anywhere, or "shop" not glued to a word before it
    // (though "eshop" counts)
    static boolean isShoppingCampaign(String campaign) {
        if (campaign.contains("shopping")) {
            return true;
        }
        for (int i = campaign.indexOf("shop"); i >= 0; i = campaign.indexOf("shop", i + 1)) {
            char before = i == 0 ? ' ' : campaign.charAt(i - 1);
            if (!(before >= 'a' && before <= 'd' || before >= 'f' && before <= 'z')) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String s, String[] needles) {
        for (String needle : needles) {
            if (s.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
