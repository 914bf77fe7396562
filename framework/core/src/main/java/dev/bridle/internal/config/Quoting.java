package dev.bridle.internal.config;

/** Double-quoted text, escaped the way both JSON and YAML read it back. */
final class Quoting {

    private Quoting() {}

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters, and those YAML reads as line breaks or marks, are escaped.
                    if (c < 0x20
                            || c >= 0x7f && c <= 0x9f
                            || c == 0x2028
                            || c == 0x2029
                            || c == 0xfeff
                            || c >= 0xfffe
                            || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
