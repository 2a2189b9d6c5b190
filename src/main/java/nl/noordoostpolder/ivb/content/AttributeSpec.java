package nl.noordoostpolder.ivb.content;

/**
 * One header attribute a document type knows, written in AsciiDoc as {@code :jbake-NAME: value}.
 * The {@code jbake-} prefix keeps the sources readable by stock JBake.
 */
public record AttributeSpec(String name, AttributeKind kind, boolean required, String example) {

    public static final String PREFIX = "jbake-";

    public static AttributeSpec required(String name, AttributeKind kind, String example) {
        return new AttributeSpec(name, kind, true, example);
    }

    public static AttributeSpec optional(String name, AttributeKind kind, String example) {
        return new AttributeSpec(name, kind, false, example);
    }

    /** The attribute as written in a page header, for example {@code :jbake-theme:}. */
    public String headerName() {
        return ":" + PREFIX + name + ":";
    }
}
