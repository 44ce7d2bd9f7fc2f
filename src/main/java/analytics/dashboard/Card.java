package analytics.dashboard;

import java.util.List;

import io.quarkus.qute.RawString;

/** One tabbed card of the dashboard as the template draws it: tabs, the selected tab's top rows, its Details link. */
record Card(String id, String title, List<TabLink> tabs, List<TabLink> subTabs, String tab, String nameHeading,
        String figureHeading, String secondHeading, List<Bar> bars, String detailsHref, RawString map,
        boolean credit) {

    /** A tab: a link to this dashboard with the card's tab changed and everything else kept. */
    public record TabLink(String key, String label, String href, boolean current) {
    }

    /** A row with its bar, {@code width} in percent of the card's largest value. */
    public record Bar(String value, String label, String flag, long visitors, String figure, String exact,
            String second, double width) {
    }
}
