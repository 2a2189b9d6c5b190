package nl.noordoostpolder.ivb.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** How the print variant is prepared for the PDF: links for a file that lives outside the site, and bookmarks. */
class PrintHtmlTest {

    private static final String HTML = "<html><head><title>T</title></head><body>"
            + "<h2 id=\"themes-a\" class=\"whole__part-title\">Thema A</h2>"
            + "<h3 id=\"trends-x\" class=\"whole__chapter-title\">Trend X</h3>"
            + "<h3 id=\"trends-y\" class=\"whole__chapter-title\">Trend Y</h3>"
            + "<h2 id=\"colofon\" class=\"whole__part-title\">Colofon</h2>"
            + "<p><a href=\"#trends-x\">naar X</a> <a href=\"toegankelijkheid.html\">toegankelijkheid</a> "
            + "<a href=\"https://www.example.nl/\">elders</a> <a href=\"./\">start</a></p></body></html>";

    @Test
    void withoutTheSiteAddressALinkToAPageOutsideThePdfBecomesPlainText() {
        Document doc = prepared("");
        assertNull(doc.selectFirst("a[href*=toegankelijkheid]"));
        assertEquals("naar X toegankelijkheid elders start", doc.selectFirst("p").text());
        assertEquals("#trends-x", doc.select("p a").get(0).attr("href"));
        assertEquals("https://www.example.nl/", doc.select("p a").get(1).attr("href"));
    }

    @Test
    void withTheSiteAddressItBecomesAnAbsoluteLinkToTheWebsite() {
        Document doc = prepared("https://www.example.nl/veiligheid/");
        assertEquals("https://www.example.nl/veiligheid/toegankelijkheid.html",
                doc.selectFirst("a:contains(toegankelijkheid)").attr("href"));
        assertEquals("https://www.example.nl/veiligheid/", doc.selectFirst("a:contains(start)").attr("href"));
    }

    @Test
    void everyLinkGetsItsWordsAsTitle() {
        assertEquals("naar X", prepared("").selectFirst("a").attr("title"));
    }

    @Test
    void theBookmarksFollowThePartsWithTheirPagesNestedBelowThem() {
        Document doc = prepared("");
        assertEquals("<bookmarks><bookmark name=\"Thema A\" href=\"#themes-a\"><bookmark name=\"Trend X\" href=\"#trends-x\">"
                + "</bookmark><bookmark name=\"Trend Y\" href=\"#trends-y\"></bookmark></bookmark>"
                + "<bookmark name=\"Colofon\" href=\"#colofon\"></bookmark></bookmarks>",
                doc.head().selectFirst("bookmarks").outerHtml().replaceAll(">\\s+<", "><"));
    }

    private static Document prepared(String baseUrl) {
        Document doc = Jsoup.parse(HTML);
        PrintHtml.prepare(doc, baseUrl);
        return doc;
    }
}
