package nl.noordoostpolder.ivb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Page;

/**
 * Everything the search page needs, in the shape it is sent in: tables of page kinds and themes (for the filters),
 * one row per page (address, title, kind, themes) and one row per searchable part that points at its page by
 * number. Pages and parts refer to kinds and themes by position, so a title or label is sent once.
 */
public final class SearchIndex {

    /** A page kind as the filters show it. */
    public record Kind(String key, String label, String pluralLabel) {
    }

    /** A theme as the filters show it. */
    public record Theme(String slug, String title) {
    }

    /** A page: its address relative to the site root, title, position of its kind and of its themes. */
    public record PageRow(String url, String title, int kind, List<Integer> themes) {
    }

    /** A searchable part: the position of its page and the part itself. */
    public record SectionRow(int page, IndexedSection section) {
    }

    private final List<Kind> kinds;
    private final List<Theme> themes;
    private final List<PageRow> pages;
    private final List<SectionRow> sections;

    private SearchIndex(List<Kind> kinds, List<Theme> themes, List<PageRow> pages, List<SectionRow> sections) {
        this.kinds = List.copyOf(kinds);
        this.themes = List.copyOf(themes);
        this.pages = List.copyOf(pages);
        this.sections = List.copyOf(sections);
    }

    public List<Kind> kinds() {
        return kinds;
    }

    public List<Theme> themes() {
        return themes;
    }

    public List<PageRow> pages() {
        return pages;
    }

    public List<SectionRow> sections() {
        return sections;
    }

    /** Collects pages in the order they are added; kinds end up in the order of {@link DocType}, overviews last. */
    public static final class Builder {

        private final Map<String, Theme> themesBySlug = new LinkedHashMap<>();
        private final Map<String, Integer> themeIndex = new LinkedHashMap<>();
        private final List<Page> pageList = new ArrayList<>();
        private final List<PageFacets> facets = new ArrayList<>();
        private final List<List<IndexedSection>> parts = new ArrayList<>();

        /** Declares the themes in the order the filter lists them. */
        public Builder themes(List<Document> themes) {
            for (Document theme : themes) {
                themeIndex.computeIfAbsent(theme.getSlug(), k -> themeIndex.size());
                themesBySlug.putIfAbsent(theme.getSlug(), new Theme(theme.getSlug(), theme.getTitle()));
            }
            return this;
        }

        public Builder add(Page page, PageFacets pageFacets, List<IndexedSection> sections) {
            themes(pageFacets.themes());
            pageList.add(page);
            facets.add(pageFacets);
            parts.add(List.copyOf(sections));
            return this;
        }

        public SearchIndex build() {
            List<String> order = new ArrayList<>();
            for (DocType type : DocType.values()) {
                order.add(type.id());
            }
            order.add(PageFacets.OVERVIEW);
            List<String> used = order.stream().filter(k -> facets.stream().anyMatch(f -> f.type().equals(k))).toList();
            List<Kind> kinds = used.stream().map(Builder::kind).toList();

            List<PageRow> pages = new ArrayList<>();
            List<SectionRow> sections = new ArrayList<>();
            for (int i = 0; i < pageList.size(); i++) {
                Page page = pageList.get(i);
                PageFacets f = facets.get(i);
                List<Integer> themeRefs = f.themes().stream().map(t -> themeIndex.get(t.getSlug())).toList();
                pages.add(new PageRow(page.getUrl(), page.getTitle(), used.indexOf(f.type()), themeRefs));
                for (IndexedSection section : parts.get(i)) {
                    sections.add(new SectionRow(i, section));
                }
            }
            return new SearchIndex(kinds, List.copyOf(themesBySlug.values()), pages, sections);
        }

        private static Kind kind(String key) {
            if (key.equals(PageFacets.OVERVIEW)) {
                return new Kind(key, "Overzicht", "Overzichten");
            }
            DocType type = DocType.byId(key).orElseThrow();
            return new Kind(key, type.label(), type.pluralLabel());
        }
    }
}
