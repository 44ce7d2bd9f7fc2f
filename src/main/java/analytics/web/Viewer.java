package analytics.web;

/** Who a page is rendered for, and the CSRF token its forms carry. */
public record Viewer(String email, String csrf) {
}
