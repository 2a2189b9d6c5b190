package nl.noordoostpolder.ivb.search;

/**
 * One searchable part of a page: the text under one heading, or (with an empty fragment and heading) the opening of
 * the page before its first heading. A search result links to {@code page#fragment}, so the reader lands on it.
 *
 * @param fragment the {@code id} of the heading, or empty for the opening of the page
 * @param heading the heading text as shown, or empty for the opening of the page
 * @param text the visible text of the part, whitespace collapsed
 */
public record IndexedSection(String fragment, String heading, String text) {

    public IndexedSection {
        fragment = fragment == null ? "" : fragment;
        heading = heading == null ? "" : heading;
        text = text == null ? "" : text;
    }

    boolean isEmpty() {
        return heading.isBlank() && text.isBlank();
    }
}
