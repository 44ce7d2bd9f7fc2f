package ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceTest {

    private static final Enrichment ENRICHMENT = Enrichment.withBundledData();

    private static Acquisition visit(String page, String referrer) {
        return ENRICHMENT.enrich(new HitFacts(page, referrer, "example.com", null, null, null)).acquisition();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://google.com/                          | Google        | SEARCH",
            "https://www.google.co.uk/search?q=x          | Google        | SEARCH",
            "https://google.de/                           | Google        | SEARCH",
            "https://news.google.de/                      | Google News   | SEARCH",
            "https://www.google.com/imgres?imgurl=x       | Google Images | SEARCH",
            "https://support.google.com/a/b               | Google        | SEARCH",
            "https://t.co/abc                             | Twitter       | SOCIAL",
            "https://x.com/someone/status/1               | Twitter       | SOCIAL",
            "android-app://com.google.android.gm          | Gmail         | EMAIL",
            "https://mail.google.com/mail/u/0/            | Gmail         | EMAIL",
            "https://www.bing.com/search?q=x              | Bing          | SEARCH",
            "https://duckduckgo.com/                      | DuckDuckGo    | SEARCH",
            "https://l.facebook.com/l.php?u=x             | Facebook      | SOCIAL",
            "https://m.facebook.com/                      | Facebook      | SOCIAL",
            "https://news.ycombinator.com/item?id=1       | Hacker News   | SOCIAL",
            "https://www.reddit.com/r/java/               | Reddit        | SOCIAL",
            "https://www.youtube.com/watch?v=1            | Youtube       | VIDEO",
            "https://en.m.wikipedia.org/wiki/Analytics    | Wikipedia     | UNKNOWN",
            "https://chatgpt.com/                         | ChatGPT       | AI_ASSISTANT",
            "https://gemini.google.com/app                | Google Gemini | AI_ASSISTANT",
            "https://www.baidu.com/s?wd=x                 | Baidu         | SEARCH",
            "https://cas.criteo.com/click                 | Criteo        | PAID",
            "https://www.markosaric.com/blog/             | markosaric.com | UNKNOWN",
            "http://Blog.Example.org:8080/post            | blog.example.org | UNKNOWN",
            "android-app://com.example.reader             | android-app://com.example.reader | UNKNOWN"})
    void the_referrer_host_is_named_from_the_referrer_database(String referrer, String source, SourceCategory category) {
        Acquisition visit = visit("https://example.com/", referrer);
        assertEquals(source, visit.source());
        assertEquals(category, visit.category());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "null", "https://example.com/other", "https://www.example.com/", "https://blog.example.com/post",
            "http://localhost:3000/", "not a url", "ftp://files.example.net/", "javascript:alert(1)", "''"})
    void no_referrer_or_the_site_itself_is_direct(String referrer) {
        Acquisition visit = visit("https://example.com/", referrer);
        assertEquals("Direct / None", visit.source());
        assertNull(visit.referrer());
        assertNull(visit.category());
        assertEquals(Channel.DIRECT, visit.channel());
    }

    @Test
    void the_page_host_counts_as_the_site_even_when_the_site_domain_differs() {
        Acquisition visit = ENRICHMENT.enrich(new HitFacts("https://shop.example.net/a", "https://shop.example.net/b",
                "example.com", null, null, null)).acquisition();
        assertEquals("Direct / None", visit.source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?utm_source=newsletter&source=x&ref=y   | newsletter",
            "?source=Producthunt&ref=y               | Product Hunt",
            "?ref=GOOGLE                             | Google",
            "?utm_source=ig                          | Instagram",
            "?utm_source=adwords                     | Google",
            "?utm_source=facebook                    | Facebook",
            "?utm_source=my%20partner                | my partner",
            "?utm_source=&ref=twitter                | Twitter"})
    void tagged_source_beats_the_referrer_and_takes_the_known_spelling(String query, String source) {
        Acquisition visit = visit("https://example.com/landing" + query, "https://www.bing.com/");
        assertEquals(source, visit.source());
        assertEquals("bing.com", visit.referrer());
    }

    @Test
    void the_tagged_source_is_also_the_utm_source_as_plausible_stores_it() {
        Acquisition visit = visit("https://example.com/?ref=producthunt", null);
        assertEquals("producthunt", visit.utm().source());
        assertEquals("Product Hunt", visit.source());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.google.com/                      | google.com",
            "https://news.ycombinator.com/item?id=1#c     | news.ycombinator.com/item",
            "https://www.markosaric.com/blog/post/?a=b    | markosaric.com/blog/post",
            "android-app://com.google.android.gm          | android-app://com.google.android.gm",
            "HTTPS://USER:pw@Sub.Example.org:443/A/B/     | sub.example.org/A/B"})
    void the_referrer_is_host_and_path_without_scheme_query_or_trailing_slash(String referrer, String expected) {
        assertEquals(expected, visit("https://example.com/", referrer).referrer());
    }
}
