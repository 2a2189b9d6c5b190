package nl.noordoostpolder.ivb.content;

/** What a header attribute holds, and so how it is checked. */
public enum AttributeKind {
    /** One line of plain text. */
    TEXT,
    /** A whole number of at least 1, used to order pages. */
    ORDER,
    /** A calendar date written as YYYY-MM-DD. */
    DATE,
    /** A date, a month or a season of a year: see {@link Period}. */
    PERIOD,
    /** {@code done} or {@code planned}. */
    PROGRESS,
    /** The slug of one theme. */
    THEME,
    /** A comma separated list of theme slugs. */
    THEMES,
    /** The slug of one session. */
    SESSION
}
