package nl.noordoostpolder.ivb.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The whole policy in one piece, on a copy of the real site baked in this JVM: the PDF is PDF/UA-1 for veraPDF,
 * holds every theme and trend in the site's order with a bookmark each, is the same file in two builds, and a new
 * trend appears in it and in {@code volledig-beleid.html} without a template being touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholePolicyBuildTest {

    private static final String PDF = PolicyDownload.FILE;
    private static final String NEW_TREND = """
            = Een nieuwe trend voor de test
            :jbake-type: trend
            :jbake-status: published
            :jbake-date: 2026-11-30
            :jbake-summary: Een trend die alleen deze test toevoegt.
            :jbake-theme: cybercrime
            :jbake-order: 99

            == In het kort

            Deze trend staat alleen in de test.
            """;

    Path source;
    Path first;
    Path second;
    Path withNewTrend;
    SiteModel model;

    @BeforeAll
    void bake(@TempDir Path dir) throws Exception {
        source = PdfFiles.copySources(SiteUnderTest.projectDir(), dir.resolve("src"));
        first = PdfFiles.bake(source, dir.resolve("first"));
        second = PdfFiles.bake(source, dir.resolve("second"));
        model = PdfFiles.model(source);
        Path other = PdfFiles.copySources(SiteUnderTest.projectDir(), dir.resolve("src-new-trend"));
        Files.writeString(other.resolve("content/trends/een-nieuwe-trend-voor-de-test.adoc"), NEW_TREND);
        withNewTrend = PdfFiles.bake(other, dir.resolve("new-trend"));
    }

    @Test
    void thePdfPassesPdfUa1WithNoFailedRule() throws Exception {
        Map<String, String> failed = PdfFiles.failedRules(Files.readAllBytes(first.resolve(PDF)), PDFAFlavour.PDFUA_1);
        assertEquals(Map.of(), failed, "veraPDF PDF/UA-1 rules that fail");
    }

    @Test
    void thePdfIsAlsoPdfA2uForArchiving() throws Exception {
        Map<String, String> failed = PdfFiles.failedRules(Files.readAllBytes(first.resolve(PDF)), PDFAFlavour.PDFA_2_U);
        assertEquals(Map.of(), failed, "veraPDF PDF/A-2u rules that fail");
    }

    @Test
    void thePdfShowsItsTitleInTheTitleBarIsDutchTaggedAndEmbedsItsFont() throws Exception {
        try (PDDocument doc = PdfFiles.load(first.resolve(PDF))) {
            assertEquals("Integraal veiligheidsbeleid 2024-2027", doc.getDocumentInformation().getTitle());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle(), "DisplayDocTitle");
            assertEquals("nl-NL", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "a tagged PDF");
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "a structure tree");
            Set<String> fonts = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertTrue(fonts.stream().allMatch(f -> f.startsWith("DejaVuSans")), "only DejaVu Sans: " + fonts);
        }
    }

    @Test
    void thePdfIsDatedByItsNewestPageNotByTheBuild() throws Exception {
        try (PDDocument doc = PdfFiles.load(first.resolve(PDF))) {
            Calendar created = doc.getDocumentInformation().getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertEquals(model.getLastChanged().toString(), String.format("%tF", created));
        }
    }

    @Test
    void everyThemeAndTrendTitleIsInTheTextInTheOrderOfTheSite() throws Exception {
        try (PDDocument doc = PdfFiles.load(first.resolve(PDF))) {
            PDFTextStripper stripper = new PDFTextStripper();
            // from the first part on: the contents list before it names every title too
            stripper.setStartPage(PdfFiles.outline(doc).get(0).page() + 1);
            String text = stripper.getText(doc).replaceAll("\\s+", " ");
            int at = 0;
            for (Document page : themesAndTrends(model)) {
                int found = text.indexOf(page.getTitle(), at);
                assertTrue(found >= 0, "'" + page.getTitle() + "' after position " + at + " of the text");
                at = found + page.getTitle().length();
            }
        }
    }

    @Test
    void theOutlineHasABookmarkForEveryThemeWithItsTrendsBelowItOpeningTheirPage() throws Exception {
        try (PDDocument doc = PdfFiles.load(first.resolve(PDF))) {
            List<PdfFiles.Bookmark> outline = PdfFiles.outline(doc);
            for (Document theme : model.getThemes()) {
                PdfFiles.Bookmark mark = outline.stream().filter(b -> b.title().equals(theme.getTitle())).findFirst()
                        .orElseThrow(() -> new AssertionError("no bookmark for theme " + theme.getTitle()));
                assertEquals(theme.getTrends().stream().map(Document::getTitle).toList(),
                        mark.children().stream().map(PdfFiles.Bookmark::title).toList(), "trends below " + theme.getTitle());
                assertOpensItsPage(doc, mark);
                for (PdfFiles.Bookmark trend : mark.children()) {
                    assertOpensItsPage(doc, trend);
                }
            }
        }
    }

    @Test
    void everyLinkHasADescriptionAndNoEmptyAlternativeText() throws Exception {
        int links = 0;
        try (PDDocument doc = PdfFiles.load(first.resolve(PDF))) {
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link) {
                        links++;
                        assertFalse(link.getContents() == null || link.getContents().isBlank(), "a link without /Contents");
                    }
                }
            }
        }
        assertTrue(links > 50, "the contents list alone has more links than " + links);
        String raw = new String(Files.readAllBytes(first.resolve(PDF)), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("/Alt ()"), "an empty /Alt is left");
    }

    @Test
    void twoBuildsGiveTheSamePdfBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(first.resolve(PDF)), Files.readAllBytes(second.resolve(PDF)));
    }

    @Test
    void theHomeAndEveryThemePageLinkToThePdfWithItsRealSize() throws Exception {
        long size = Files.size(first.resolve(PDF));
        String expected = "Download het hele beleid (PDF, " + Math.round(size / 1000.0) + " kB)";
        List<String> pages = new ArrayList<>(List.of("index.html"));
        model.getThemes().forEach(t -> pages.add(t.getUrl()));
        for (String page : pages) {
            org.jsoup.nodes.Document html = Jsoup.parse(first.resolve(page).toFile(), "UTF-8");
            Element link = html.selectFirst("main a[href$=" + PDF + "]");
            assertNotNull(link, page + " links to the PDF");
            assertEquals(expected, link.text(), page);
            assertEquals("application/pdf", link.attr("type"), page);
            assertNotNull(html.selectFirst("footer a[href$=volledig-beleid.html]"), page + ": the footer links to the one-page view");
        }
    }

    @Test
    void aNewTrendAppearsInTheOnePageViewAndThePdfWithoutTouchingATemplate() throws Exception {
        String title = "Een nieuwe trend voor de test";
        org.jsoup.nodes.Document page = Jsoup.parse(withNewTrend.resolve("volledig-beleid.html").toFile(), "UTF-8");
        Element heading = page.getElementById("trends-een-nieuwe-trend-voor-de-test");
        assertNotNull(heading, "the trend's heading in the one-page view");
        assertEquals(title, heading.text());
        assertNotNull(page.selectFirst(".whole__contents a[href=#trends-een-nieuwe-trend-voor-de-test]"), "in the contents list");
        try (PDDocument doc = PdfFiles.load(withNewTrend.resolve(PDF))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Deze trend staat alleen in de test."), "the trend's text in the PDF");
            PdfFiles.Bookmark cybercrime = PdfFiles.outline(doc).stream().filter(b -> b.title().equals("Cybercrime"))
                    .findFirst().orElseThrow();
            assertEquals(title, cybercrime.children().get(cybercrime.children().size() - 1).title(),
                    "the last bookmark below its theme");
        }
    }

    @Test
    void theOnePageViewStartsWithAContentsListOfEveryPartAndEveryPageInItInReadingOrder() throws Exception {
        org.jsoup.nodes.Document page = onePage();
        Element contents = page.selectFirst("main .whole__contents");
        assertNotNull(contents, "a contents list");
        assertEquals(contents, page.selectFirst("main nav"), "the first navigation in main");
        List<String> listed = contents.select("a").eachAttr("href");
        List<String> headings = page.select("main .whole__part-title, main .whole__chapter-title").eachAttr("id")
                .stream().map(id -> "#" + id).toList();
        assertEquals(headings, listed, "the contents list names every part and page heading, in order");
        List<String> parts = page.select("main .whole__part-title").eachText();
        List<String> expected = new ArrayList<>(List.of("Inleiding"));
        model.getThemes().forEach(t -> expected.add(t.getTitle()));
        expected.addAll(List.of("Sessies", "Tijdlijn", model.page("vragen-aan-de-raad.html").getTitle(),
                model.page("colofon.html").getTitle()));
        assertEquals(expected, parts, "introduction, themes, sessions, timeline, questions, colofon");
    }

    @Test
    void everyIdOnTheOnePageViewIsUniqueAndEveryLinkIntoItFindsItsTarget() throws Exception {
        org.jsoup.nodes.Document page = onePage();
        List<String> ids = page.select("[id]").eachAttr("id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids");
        for (Element link : page.select("a[href^=#]")) {
            String id = link.attr("href").substring(1);
            assertNotNull(page.getElementById(id), "the target of " + link.outerHtml());
        }
    }

    @Test
    void theHeadingsOfTheOnePageViewNeverSkipALevel() throws Exception {
        int level = 0;
        for (Element heading : onePage().select("h1, h2, h3, h4, h5, h6")) {
            int next = heading.tagName().charAt(1) - '0';
            assertTrue(next <= level + 1, heading.outerHtml() + " follows an h" + level);
            level = next;
        }
    }

    @Test
    void linksToIncludedPagesPointIntoTheOnePageViewAndOthersStayLinksToTheirPage() throws Exception {
        Element introduction = onePage().getElementById("inleiding").parent();
        List<String> links = introduction.select(".page-body a").eachAttr("href");
        assertTrue(links.contains("#colofon"), "the introduction's link to the colofon: " + links);
        assertTrue(links.contains("#themes-cybercrime"), "to a theme: " + links);
        assertTrue(links.contains("#tijdlijn"), "to the timeline: " + links);
        assertTrue(links.contains("politiecijfers.html"), "to a page that is not included: " + links);
        assertTrue(links.stream().noneMatch(l -> l.startsWith("themes/") || l.startsWith("trends/")),
                "no link to an included page is left: " + links);
    }

    @Test
    void aSiteWithoutTheWholePolicyHasNeitherThePageNorThePdfNorLinksToThem(@TempDir Path dir) throws Exception {
        Path off = PdfFiles.copySources(SiteUnderTest.projectDir(), dir.resolve("src"));
        Files.writeString(off.resolve("jbake.properties"), "\nsite.wholepolicy=false\n", java.nio.file.StandardOpenOption.APPEND);
        Path site = PdfFiles.bake(off, dir.resolve("site"));
        assertFalse(Files.exists(site.resolve(PDF)));
        assertFalse(Files.exists(site.resolve("volledig-beleid.html")));
        String home = Files.readString(site.resolve("index.html"));
        assertFalse(home.contains(PDF) || home.contains("volledig-beleid.html"), "no link to what was not made");
    }

    private org.jsoup.nodes.Document onePage() throws Exception {
        return Jsoup.parse(first.resolve("volledig-beleid.html").toFile(), "UTF-8");
    }

    private static void assertOpensItsPage(PDDocument doc, PdfFiles.Bookmark mark) throws Exception {
        assertTrue(mark.page() >= 0, mark.title() + " opens a page");
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(mark.page() + 1);
        stripper.setEndPage(mark.page() + 1);
        assertTrue(stripper.getText(doc).replaceAll("\\s+", " ").contains(mark.title()),
                "the page bookmark '" + mark.title() + "' opens shows its title");
    }

    private static List<Document> themesAndTrends(SiteModel site) {
        List<Document> out = new ArrayList<>();
        for (Document theme : site.getThemes()) {
            out.add(theme);
            out.addAll(theme.getTrends());
        }
        return out;
    }
}
