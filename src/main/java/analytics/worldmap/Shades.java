package analytics.worldmap;

/** The map's fill colours: grey for no visitors, then light to dark indigo in proportion to the busiest country. */
final class Shades {

    static final String EMPTY = "#e4e7eb";
    static final String LIGHTEST = "#c7d2fe";
    static final String DARKEST = "#312e81";
    private static final int[] FROM = rgb(LIGHTEST);
    private static final int[] TO = rgb(DARKEST);

    private Shades() {
    }

    static String fill(long visitors, long max) {
        if (visitors <= 0 || max <= 0) {
            return EMPTY;
        }
        double share = Math.min(1.0, visitors / (double) max);
        StringBuilder hex = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int channel = (int) Math.round(FROM[i] + (TO[i] - FROM[i]) * share);
            hex.append(Character.forDigit(channel >> 4, 16)).append(Character.forDigit(channel & 15, 16));
        }
        return hex.toString();
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
