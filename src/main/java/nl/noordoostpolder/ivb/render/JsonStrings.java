package nl.noordoostpolder.ivb.render;

/**
 * JSON string literals (RFC 8259) for the files and answers this tool writes itself: the search index and the
 * preview's error list. {@code <} and {@code >} are escaped too, so text from a page can never be read as markup,
 * and U+2028/U+2029 so the result is also valid JavaScript.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code s} as a quoted JSON string to {@code out} and returns {@code out}. */
    public static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
