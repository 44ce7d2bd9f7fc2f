package ingest.enrich;

/** Makes attacker-controlled text safe to store: bounded, no control characters, no lone surrogates. */
final class SafeText {

    private static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** The cleaned, stripped text, at most {@code max} chars (never a split surrogate pair); null when nothing is left. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        int end = Math.min(text.length(), max * 4 + 16);
        if (isClean(text, end, max)) {
            String plain = text.strip();
            return plain.isEmpty() ? null : plain;
        }
        StringBuilder out = new StringBuilder(Math.min(end, max));
        for (int i = 0; i < end && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!isUnsafe(c)) {
                out.append(c);
            }
        }
        String plain = out.toString().strip();
        return plain.isEmpty() ? null : plain;
    }

    // the common case (short, plain text) costs one scan and no copy
    private static boolean isClean(String text, int end, int max) {
        if (text.length() > max) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // C0/C1 controls, and the invisible bidi and zero-width marks used to disguise text
    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }
}
