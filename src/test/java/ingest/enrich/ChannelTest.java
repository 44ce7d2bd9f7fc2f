package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();
    private static final Set<Channel> SEEN = EnumSet.noneOf(Channel.class);

    private static Channel channel(String query, String referrer) {
        Acquisition visit = ENRICHMENT.enrich(new HitFacts("https://example.com/landing" + query, referrer,
                "example.com", null, null, null)).acquisition();
        SEEN.add(visit.channel());
        return visit.channel();
    }

    @ParameterizedTest(name = "{2}: {0} from {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "                                                   | -                              | Direct",
            "?utm_campaign=spring-cross-network                 | https://www.google.com/        | Cross-network",
            "?utm_campaign=shopping&utm_medium=paid             | -                              | Paid Shopping",
            "?utm_source=shopify&utm_medium=cpc                 | -                              | Paid Shopping",
            "?utm_medium=paid                                   | https://duckduckgo.com/        | Paid Search",
            "?gclid=abc123                                      | https://www.google.com/        | Paid Search",
            "?msclkid=abc123                                    | https://www.bing.com/          | Paid Search",
            "?utm_source=google&utm_medium=cpc                  | -                              | Paid Search",
            "?utm_source=adwords                                | -                              | Paid Search",
            "?utm_source=tiktok&utm_medium=paid                 | -                              | Paid Social",
            "?utm_source=fb-ads                                 | -                              | Paid Social",
            "?utm_medium=ppc                                    | https://l.facebook.com/        | Paid Social",
            "?utm_source=yt-ads                                 | -                              | Paid Video",
            "?utm_source=youtube&utm_medium=paid                | -                              | Paid Video",
            "?utm_medium=banner                                 | -                              | Display",
            "?utm_medium=display&fbclid=x                       | https://www.google.com/        | Display",
            "?utm_medium=cpc                                    | -                              | Paid Other",
            "?utm_campaign=shop                                 | -                              | Organic Shopping",
            "?utm_source=walmart.com                            | -                              | Organic Shopping",
            "                                                   | https://www.amazon.com/dp/1    | Organic Shopping",
            "                                                   | https://l.facebook.com/l.php   | Organic Social",
            "                                                   | https://t.co/x                 | Organic Social",
            "?utm_source=ig                                     | -                              | Organic Social",
            "?utm_medium=social                                 | -                              | Organic Social",
            "                                                   | https://news.ycombinator.com/  | Organic Social",
            "                                                   | https://github.com/a/b         | Organic Social",
            "                                                   | https://www.youtube.com/watch  | Organic Video",
            "?utm_medium=video                                  | -                              | Organic Video",
            "?utm_source=vimeo                                  | -                              | Organic Video",
            "                                                   | https://chatgpt.com/           | AI Assistants",
            "                                                   | https://www.perplexity.ai/     | AI Assistants",
            "?utm_source=chatgpt.com                            | -                              | AI Assistants",
            "                                                   | https://www.google.co.uk/      | Organic Search",
            "                                                   | https://duckduckgo.com/        | Organic Search",
            "?gclid=abc123                                      | https://duckduckgo.com/        | Organic Search",
            "                                                   | https://search.brave.com/      | Organic Search",
            "                                                   | android-app://com.google.android.gm | Email",
            "?utm_medium=email                                  | -                              | Email",
            "?utm_source=Newsletter-UK                          | -                              | Email",
            "?utm_medium=affiliate                              | -                              | Affiliates",
            "?utm_medium=audio                                  | -                              | Audio",
            "?utm_source=sms                                    | -                              | SMS",
            "?utm_medium=sms                                    | -                              | SMS",
            "?utm_medium=app-push                               | -                              | Mobile Push Notifications",
            "?utm_medium=example-mobile                         | -                              | Mobile Push Notifications",
            "?utm_source=firebase                               | -                              | Mobile Push Notifications",
            "?utm_medium=referral                               | -                              | Referral",
            "                                                   | https://www.markosaric.com/    | Referral",
            "                                                   | https://en.wikipedia.org/wiki/A | Referral",
            "                                                   | https://cas.criteo.com/        | Referral",
            "                                                   | https://example.com/pricing    | Direct"})
    void plausibles_rules_name_the_channel(String query, String referrer, String expected) {
        assertEquals(expected, channel(query == null ? "" : query, referrer).label());
    }

    @Test
    void an_untagged_google_ad_click_gets_the_medium_plausible_infers() {
        Acquisition visit = ENRICHMENT.enrich(new HitFacts("https://example.com/?gclid=abc", "https://www.google.com/",
                "example.com", null, null, null)).acquisition();
        assertEquals("gclid", visit.clickIdParam());
        assertEquals("(gclid)", visit.utm().medium());
        assertEquals(Channel.PAID_SEARCH, visit.channel());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"cpc, true", "cpm, true", "ppc, true", "retargeting, true", "paid, true", "paid_social, true",
            "cp, true", "email, false", "retargeting-2, false", "unpaid, false", "'', false"})
    void a_paid_medium_is_plausibles(String medium, boolean paid) {
        assertEquals(paid, Channels.isPaidMedium(medium));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"shop, true", "summer-shop, true", "eshop, true", "2024shop, true", "myshopping, true",
            "workshop, false", "bishop, false", "shoes, false", "'', false"})
    void a_shopping_campaign_is_plausibles(String campaign, boolean shopping) {
        assertEquals(shopping, Channels.isShoppingCampaign(campaign));
    }

    @AfterAll
    static void every_channel_has_an_example() {
        assertEquals(EnumSet.allOf(Channel.class), SEEN, "channels without an example");
    }
}
