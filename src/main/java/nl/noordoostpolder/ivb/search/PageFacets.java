package nl.noordoostpolder.ivb.search;

import java.util.List;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;

/**
 * What a reader can filter search results on: the kind of page and the themes it belongs to. Taken from the site
 * model, which already knows them exactly, rather than guessed back from the HTML.
 *
 * @param type the key of the page kind: a {@link DocType} id, or {@value #OVERVIEW} for pages the site makes
 * @param themes the themes the page belongs to, in theme order; empty for pages about the whole policy
 */
public record PageFacets(String type, List<Document> themes) {

    /** The type key of overview pages the site makes, such as the theme overview and the timeline. */
    public static final String OVERVIEW = "overview";

    public static PageFacets of(Page page) {
        if (page instanceof GeneratedPage) {
            return new PageFacets(OVERVIEW, List.of());
        }
        Document doc = (Document) page;
        List<Document> themes = switch (doc.getType()) {
            case THEME -> List.of(doc);
            case TREND -> doc.getTheme() == null ? List.of() : List.of(doc.getTheme());
            case SESSION -> doc.getThemes();
            case MILESTONE -> doc.getSession() == null ? List.of() : doc.getSession().getThemes();
            case PAGE -> List.of();
        };
        return new PageFacets(doc.getType().id(), themes);
    }
}
