package nl.noordoostpolder.ivb.source;

import java.util.Map;

/**
 * The header of a page as written: its title and its {@code :jbake-*:} attributes, each with the line it is on.
 *
 * @param title the text of the {@code = Title} line, stripped
 * @param titleLine the line of the title, 0 when there is none
 * @param attributes attribute name without the {@code jbake-} prefix, to its value and line
 * @param bodyLine the first line after the header
 */
public record Header(String title, int titleLine, Map<String, Value> attributes, int bodyLine) {

    /** An attribute value and the line it stands on. */
    public record Value(String text, int line) {
    }

    public String value(String name) {
        Value v = attributes.get(name);
        return v == null ? null : v.text();
    }

    /** The line of an attribute, or of the title when the attribute is missing. */
    public int lineOf(String name) {
        Value v = attributes.get(name);
        return v != null ? v.line() : Math.max(1, titleLine);
    }
}
