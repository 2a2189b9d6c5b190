package nl.noordoostpolder.ivb.whole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.SiteModel;

/**
 * The whole policy as one text, in reading order: the introduction (the home page), each theme followed by its
 * trends, the sessions, the timeline with its milestones, the questions for the council and the colofon. Both
 * {@code volledig-beleid.html} and the PDF are rendered from it, so a new page in the content appears in both
 * without a template being touched.
 * <p>
 * Each part is an h2 on the page, each page inside a part an h3; the bodies' own headings move down to fit below
 * them, their ids get the page's prefix, and links to included pages point into this text (see {@link BodyRewriter}).
 * A record all the way down, so the preview can tell by {@code equals} whether the one-page view must be rendered
 * again.
 *
 * @param parts the parts in reading order
 */
public record WholePolicy(List<Part> parts) {

    /** The id of the contents list at the top; links to the overviews of themes and trends point here. */
    public static final String CONTENTS_ID = "inhoudsopgave";
    /** The id of the introduction, which holds the home page's text. */
    public static final String INTRODUCTION_ID = "inleiding";

    /**
     * A part of the text, an h2: the introduction, a theme, the sessions, the timeline, a page.
     *
     * @param kind     a caption such as "Thema", or null
     * @param summary  the lead sentence, or null
     * @param body     the rewritten body HTML, or empty
     * @param chapters the pages inside the part (trends of a theme, sessions, milestones), each an h3
     */
    public record Part(String id, String title, String kind, String summary, String body, List<Chapter> chapters) {
    }

    /**
     * A page inside a part, an h3.
     *
     * @param when     the period in words ("Oktober 2023"), or null
     * @param datetime the period for a {@code <time datetime>} attribute, or null
     * @param status "Afgerond" or "Gepland" for a milestone, else null
     */
    public record Chapter(String id, String title, String kind, String when, String datetime, String status,
                          String summary,
                          String body) {
    }

    /** Builds the text from the site model. */
    public static WholePolicy of(SiteModel site) {
        Map<String, String> anchors = anchors(site);
        List<Part> parts = new ArrayList<>();
        Document home = document(site, "index.html");
        if (home != null) {
            parts.add(part(INTRODUCTION_ID, "Inleiding", null, home, anchors, List.of()));
        }
        for (Document theme : site.getThemes()) {
            parts.add(part(anchors.get(theme.getUrl()), theme.getTitle(), theme.getKindLabel(), theme, anchors,
                    chapters(theme.getTrends(), anchors)));
        }
        if (!site.getSessions().isEmpty()) {
            parts.add(new Part(anchors.get(GeneratedPage.SESSIONS.getUrl()), GeneratedPage.SESSIONS.getTitle(), null,
                    GeneratedPage.SESSIONS.getSummary(), "", chapters(site.getSessions(), anchors)));
        }
        if (!site.getMilestones().isEmpty()) {
            parts.add(new Part(anchors.get(GeneratedPage.TIMELINE.getUrl()), GeneratedPage.TIMELINE.getTitle(), null,
                    GeneratedPage.TIMELINE.getSummary(), "", chapters(site.getMilestones(), anchors)));
        }
        for (String url : CLOSING_PAGES) {
            Document page = document(site, url);
            if (page != null) {
                parts.add(part(anchors.get(url), page.getTitle(), null, page, anchors, List.of()));
            }
        }
        return new WholePolicy(List.copyOf(parts));
    }

    /** The plain pages that close the text, in this order, when the site has them. */
    static final List<String> CLOSING_PAGES = List.of("vragen-aan-de-raad.html", "colofon.html");

    /**
     * Where each page of the site that this text includes (or stands in for) is found in it: the address of the page
     * to the id of its heading. Pages that are not included, such as the accessibility statement, are missing.
     */
    static Map<String, String> anchors(SiteModel site) {
        Map<String, String> anchors = new LinkedHashMap<>();
        anchors.put("index.html", INTRODUCTION_ID);
        anchors.put(GeneratedPage.WHOLE_POLICY.getUrl(), CONTENTS_ID);
        anchors.put(GeneratedPage.THEMES.getUrl(), CONTENTS_ID);
        anchors.put(GeneratedPage.TRENDS.getUrl(), CONTENTS_ID);
        if (!site.getSessions().isEmpty()) {
            anchors.put(GeneratedPage.SESSIONS.getUrl(), "sessies");
        }
        if (!site.getMilestones().isEmpty()) {
            anchors.put(GeneratedPage.TIMELINE.getUrl(), "tijdlijn");
        }
        List<Document> included = new ArrayList<>(site.getThemes());
        included.addAll(site.getTrends());
        included.addAll(site.getSessions());
        included.addAll(site.getMilestones());
        CLOSING_PAGES.stream().map(url -> document(site, url)).filter(java.util.Objects::nonNull).forEach(included::add);
        for (Document doc : included) {
            anchors.put(doc.getUrl(), anchorOf(doc.getUrl()));
        }
        return anchors;
    }

    /** The id of an included page: its address without {@code .html}, with {@code -} for {@code /}. */
    static String anchorOf(String url) {
        return url.replaceFirst("\\.html$", "").replace('/', '-');
    }

    private static Part part(String id, String title, String kind, Document doc, Map<String, String> anchors,
                             List<Chapter> chapters) {
        String body = new BodyRewriter(doc.getUrl(), id, anchors, 1).rewrite(doc.getBody());
        return new Part(id, title, kind, doc.getSummary(), body, chapters);
    }

    private static List<Chapter> chapters(List<Document> docs, Map<String, String> anchors) {
        List<Chapter> out = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            String id = anchors.get(doc.getUrl());
            String when = doc.getPeriod() == null ? null : capitalize(doc.getPeriod().text());
            String datetime = doc.getPeriod() == null ? null : doc.getPeriod().machineText();
            out.add(new Chapter(id, doc.getTitle(), doc.getKindLabel(), when, datetime, doc.getProgressLabel(),
                    doc.getSummary(),
                    new BodyRewriter(doc.getUrl(), id, anchors, 2).rewrite(doc.getBody())));
        }
        return List.copyOf(out);
    }

    private static Document document(SiteModel site, String url) {
        return site.page(url) instanceof Document doc ? doc : null;
    }

    private static String capitalize(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
