package nl.noordoostpolder.ivb.render;

/**
 * JSON string literals (RFC 8259) for the files and answers this tool writes itself: the search index and the
 * preview's error list. {@code <} and {@code >} are escaped too, so text from a page can never be read as markup,
 * and U+2028/U+2029 so the result is also valid JavaScript.
 */
public final class JsonStrings {

    private static final int ASCII = 128;
    /** The ASCII characters that stand for themselves: one array lookup for almost every character of a text. */
    private static final boolean[] PLAIN_ASCII = new boolean[ASCII];

    static {
        for (char c = 0x20; c < ASCII; c++) {
            PLAIN_ASCII[c] = c != '"' && c != '\\' && c != '<' && c != '>';
        }
    }

    private JsonStrings() {
    }

    /** Appends {@code s} as a quoted JSON string to {@code out} and returns {@code out}. */
    public static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        int plain = 0; // start of the run of characters that need no escape, appended in one go
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ASCII ? PLAIN_ASCII[c] : c != '\u2028' && c != '\u2029') {
                continue;
            }
            String escape = escape(c);
            if (escape != null) {
                out.append(s, plain, i).append(escape);
                plain = i + 1;
            }
        }
        return out.append(s, plain, s.length()).append('"');
    }

    /** The escape of {@code c}, or null when it stands for itself. */
    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '<' -> "\\u003c";
            case '>' -> "\\u003e";
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
