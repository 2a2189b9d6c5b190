package nl.noordoostpolder.ivb.content;

/**
 * What every page of the site has, whether an editor wrote it ({@link Document}) or the site makes it
 * ({@link GeneratedPage}, such as the theme overview). Templates see pages through these getters.
 */
public interface Page {

    String getTitle();

    /** One sentence, used as meta description and in lists. */
    String getSummary();

    /** The page's path inside the site, for example {@code trends/krapte-in-de-zorg.html}. */
    String getUrl();

    /** The name of the template that renders it, without {@code .peb}. */
    String getTemplate();

    /** The Dutch name of its kind, for example {@code Trend}. */
    String getKindLabel();

    /** The day the page last changed; null for pages the site makes. */
    default java.time.LocalDate getDate() {
        return null;
    }

    /** {@link #getDate()} in Dutch, for example {@code 30 november 2026}; null when there is no date. */
    default String getDateText() {
        return null;
    }

    /** The AsciiDoc source, for example {@code content/trends/x.adoc}; null for pages the site makes. */
    default String getSourcePath() {
        return null;
    }

    /** The level-2 sections of the page's body, for its contents list; none for pages the site makes. */
    default java.util.List<Section> getSections() {
        return java.util.List.of();
    }

    /** The relative way back to the site root from this page: {@code ""} or {@code "../"}. */
    default String getRoot() {
        return "../".repeat((int) getUrl().chars().filter(c -> c == '/').count());
    }
}
