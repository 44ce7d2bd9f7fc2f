package ingest.enrich;

/**
 * The visitor's device, with Plausible's names; null when unknown.
 *
 * @param screenSize visit:device: Mobile, Tablet, Laptop or Desktop (from {@code w}, else from the User-Agent)
 * @param browser visit:browser, e.g. Chrome, Safari, Firefox, Microsoft Edge
 * @param browserVersion visit:browser_version as major.minor, e.g. 120.0
 * @param os visit:os, e.g. Windows, Mac, iOS, Android, GNU/Linux
 * @param osVersion visit:os_version as major.minor, e.g. 17.4
 */
public record Device(String screenSize, String browser, String browserVersion, String os, String osVersion) {
}
