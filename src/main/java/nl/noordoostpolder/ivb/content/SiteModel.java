package nl.noordoostpolder.ivb.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.whole.WholePolicy;

/**
 * The published pages of one bake and the lookups templates need, built once in linear time: the themes in order,
 * the trends of each theme, the sessions of each theme, the milestones by date.
 * <p>
 * Stock JBake answers "the trends of this theme" with a database scan on every page, which makes a bake quadratic.
 * Here each page is linked to its neighbours when the model is built, and templates only read fields.
 */
public final class SiteModel {

    private static final Comparator<Document> BY_ORDER = Comparator.comparingInt(Document::getOrder)
            .thenComparing(Document::getTitle).thenComparing(Document::getUrl);
    private static final Comparator<Document> BY_TITLE = Comparator.comparing((Document d) -> d.getTitle().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Document::getUrl);

    private final List<Document> documents;
    private final List<Document> themes;
    private final List<Document> trends;
    private final List<Document> sessions;
    private final List<Document> milestones;
    private final List<Document> pages;
    private final Map<String, Page> byUrl;
    private final java.time.LocalDate lastChanged;
    private final boolean wholePolicyOn;
    private WholePolicy wholePolicy;
    private volatile java.util.function.Supplier<PolicyDownload> download = () -> null;

    /** Builds the model from the published documents, which must already be valid (see the validator). */
    public SiteModel(Collection<Document> published) {
        this(published, WholePolicySetting.AUTO);
    }

    /**
     * Builds the model from the published documents, which must already be valid (see the validator), with or
     * without the whole policy in one piece as {@code wholePolicy} says for this many pages.
     */
    public SiteModel(Collection<Document> published, WholePolicySetting wholePolicy) {
        Map<DocType, List<Document>> byType = published.stream()
                .collect(Collectors.groupingBy(Document::getType, () -> new java.util.EnumMap<>(DocType.class), Collectors.toList()));
        this.themes = sorted(byType.get(DocType.THEME), BY_ORDER);
        Map<String, Document> themeBySlug = index(themes);
        Map<String, Document> sessionBySlug = index(byType.getOrDefault(DocType.SESSION, List.of()));
        Map<Document, Integer> themeRank = new HashMap<>();
        for (int i = 0; i < themes.size(); i++) {
            themeRank.put(themes.get(i), i);
        }

        Map<Document, List<Document>> trendsByTheme = new LinkedHashMap<>();
        themes.forEach(t -> trendsByTheme.put(t, new ArrayList<>()));
        for (Document trend : sorted(byType.get(DocType.TREND), BY_ORDER)) {
            Document theme = themeBySlug.get(trend.getHeader().value("theme"));
            if (theme != null) {
                trendsByTheme.get(theme).add(trend);
            }
        }
        this.trends = trendsByTheme.values().stream().flatMap(List::stream).toList();

        Map<Document, List<Document>> sessionsByTheme = new HashMap<>();
        Map<Document, List<Document>> themesOfSession = new HashMap<>();
        for (Document session : byType.getOrDefault(DocType.SESSION, List.of())) {
            List<Document> about = slugs(session.getHeader().value("themes")).stream()
                    .map(themeBySlug::get).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(themeRank::get)).toList();
            themesOfSession.put(session, about);
            about.forEach(t -> sessionsByTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(session));
        }
        Comparator<Document> sessionOrder = Comparator
                .comparing((Document s) -> themesOfSession.get(s).isEmpty() ? Integer.MAX_VALUE : themeRank.get(themesOfSession.get(s).get(0)))
                .thenComparing(s -> s.getPeriod() == null ? "" : s.getPeriod().start().toString())
                .thenComparing(BY_TITLE);
        this.sessions = sorted(byType.get(DocType.SESSION), sessionOrder);
        this.milestones = sorted(byType.get(DocType.MILESTONE),
                Comparator.comparing(Document::getPeriod).thenComparing(BY_ORDER));
        this.pages = sorted(byType.get(DocType.PAGE), BY_TITLE);

        for (int i = 0; i < themes.size(); i++) {
            Document theme = themes.get(i);
            List<Document> own = List.copyOf(trendsByTheme.get(theme));
            theme.link(null, List.of(), null, own, sorted(sessionsByTheme.get(theme), sessionOrder), milestones,
                    neighbour(themes, i - 1), neighbour(themes, i + 1));
            for (int j = 0; j < own.size(); j++) {
                own.get(j).link(theme, List.of(theme), null, own, List.of(), List.of(),
                        neighbour(own, j - 1), neighbour(own, j + 1));
            }
        }
        Map<String, List<Document>> milestonesBySession = milestones.stream()
                .filter(m -> m.getHeader().value("session") != null)
                .collect(Collectors.groupingBy(m -> m.getHeader().value("session")));
        for (int i = 0; i < sessions.size(); i++) {
            Document session = sessions.get(i);
            session.link(null, themesOfSession.get(session), null, List.of(), List.of(),
                    milestonesBySession.getOrDefault(session.getSlug(), List.of()),
                    neighbour(sessions, i - 1), neighbour(sessions, i + 1));
        }
        for (int i = 0; i < milestones.size(); i++) {
            Document milestone = milestones.get(i);
            milestone.link(null, List.of(), sessionBySlug.get(milestone.getHeader().value("session")), List.of(), List.of(),
                    List.of(), neighbour(milestones, i - 1), neighbour(milestones, i + 1));
        }
        for (Document page : pages) {
            page.link(null, List.of(), null, List.of(), List.of(), List.of(), null, null);
        }
        this.documents = Stream.of(themes, trends, sessions, milestones, pages).flatMap(List::stream).toList();
        this.byUrl = new LinkedHashMap<>();
        documents.forEach(d -> byUrl.put(d.getUrl(), d));
        this.wholePolicyOn = wholePolicy.includes(documents.size());
        generatedPages().stream().filter(g -> wholePolicyOn || g != GeneratedPage.WHOLE_POLICY)
                .forEach(g -> byUrl.put(g.getUrl(), g));
        this.lastChanged = documents.stream().map(Document::getDate).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** Whether this site has the whole policy in one piece: {@code volledig-beleid.html} and the PDF. */
    public boolean isWholePolicyOn() {
        return wholePolicyOn;
    }

    /**
     * The whole policy as one text, for the one-page view and the PDF; null when the site does not make it. Made
     * on first use and kept: the model does not change after it is built.
     */
    public synchronized WholePolicy getWholePolicy() {
        if (wholePolicyOn && wholePolicy == null) {
            wholePolicy = WholePolicy.of(this);
        }
        return wholePolicy;
    }

    /**
     * The PDF of the whole policy as a download link shows it (address and size), or null when there is none. In a
     * build this waits until the PDF is written (it is made while the other pages render), so a page shows the
     * real size whenever it is rendered.
     */
    public PolicyDownload getDownload() {
        return download.get();
    }

    /** Where {@link #getDownload()} comes from: the PDF being made in a build, a fixed value in the preview. */
    public void setDownload(java.util.function.Supplier<PolicyDownload> download) {
        this.download = download;
    }

    /** The theme slugs in a {@code :jbake-themes:} value. */
    public static List<String> slugs(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<Document> getThemes() {
        return themes;
    }

    /** All trends, grouped by theme in theme order. */
    public List<Document> getTrends() {
        return trends;
    }

    public List<Document> getSessions() {
        return sessions;
    }

    public List<Document> getMilestones() {
        return milestones;
    }

    /** The plain pages, by title. */
    public List<Document> getPages() {
        return pages;
    }

    /** Every published document: themes, trends, sessions, milestones, pages. */
    public List<Document> getDocuments() {
        return documents;
    }

    /**
     * The day the newest document last changed: the "last updated" date of the pages the site makes from the others
     * (an overview changes when one of its pages does).
     */
    public java.time.LocalDate getLastChanged() {
        return lastChanged;
    }

    /** {@link #getLastChanged()} in Dutch, for example {@code 30 november 2026}; null for a site without pages. */
    public String getLastChangedText() {
        java.time.LocalDate last = getLastChanged();
        return last == null ? null : Dates.dutch(last);
    }

    /** Every page of the site by title, for the A-Z list. */
    public List<Page> getAllPagesByTitle() {
        return byUrl.values().stream()
                .filter(p -> p != GeneratedPage.NOT_FOUND)
                .sorted(Comparator.comparing((Page p) -> p.getTitle().toLowerCase(java.util.Locale.ROOT)).thenComparing(Page::getUrl))
                .toList();
    }

    public Page page(String url) {
        return byUrl.get(url);
    }

    /** Every page to write, documents first. */
    public List<Page> getAllPages() {
        return List.copyOf(byUrl.values());
    }

    public static List<GeneratedPage> generatedPages() {
        return List.of(GeneratedPage.THEMES, GeneratedPage.TRENDS, GeneratedPage.SESSIONS, GeneratedPage.TIMELINE,
                GeneratedPage.SEARCH, GeneratedPage.INDEX_AZ, GeneratedPage.WHOLE_POLICY, GeneratedPage.NOT_FOUND);
    }

    private static List<Document> sorted(List<Document> docs, Comparator<Document> order) {
        return docs == null ? List.of() : docs.stream().sorted(order).toList();
    }

    private static Map<String, Document> index(List<Document> docs) {
        return docs.stream().collect(Collectors.toMap(Document::getSlug, Function.identity(), (a, b) -> a));
    }

    private static Document neighbour(List<Document> list, int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }
}
