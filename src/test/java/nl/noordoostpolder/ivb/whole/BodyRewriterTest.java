package nl.noordoostpolder.ivb.whole;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** How the body of one page is fitted into the whole policy: headings, ids and links. */
class BodyRewriterTest {

    private static final Map<String, String> ANCHORS = Map.of(
            "index.html", "inleiding",
            "themes/cybercrime.html", "themes-cybercrime",
            "trends/krapte-in-de-zorg.html", "trends-krapte-in-de-zorg",
            "tijdlijn.html", "tijdlijn");

    private final BodyRewriter trend = new BodyRewriter("trends/krapte-in-de-zorg.html", "trends-krapte-in-de-zorg",
            ANCHORS, 2);

    @Test
    void headingsMoveDownBelowThePageHeadingAndStopAtH6() {
        Element body = parse(trend.rewrite("<h2 id=\"_a\">A</h2><h3 id=\"_b\">B</h3><h5>C</h5>"));
        assertEquals("h4", body.getElementById("trends-krapte-in-de-zorg--_a").tagName());
        assertEquals("h5", body.getElementById("trends-krapte-in-de-zorg--_b").tagName());
        assertEquals("h6", body.selectFirst("h6").tagName());
        assertEquals(1, body.select("h6").size(), "h5 + 2 stays h6");
    }

    @Test
    void idsAndTheAttributesThatNameThemGetThePagePrefix() {
        Element body = parse(trend.rewrite("<div id=\"x\" aria-labelledby=\"t u\"><p id=\"t\">T</p></div>"
                + "<a href=\"#x\">naar x</a>"));
        assertEquals("trends-krapte-in-de-zorg--t trends-krapte-in-de-zorg--u",
                body.getElementById("trends-krapte-in-de-zorg--x").attr("aria-labelledby"));
        assertEquals("#trends-krapte-in-de-zorg--x", body.selectFirst("a").attr("href"));
    }

    @Test
    void aLinkToAnIncludedPagePointsToItsHeadingAndToItsSectionWithAFragment() {
        assertEquals("#themes-cybercrime", trend.target("../themes/cybercrime.html"));
        assertEquals("#themes-cybercrime--_in_het_kort", trend.target("../themes/cybercrime.html#_in_het_kort"));
        assertEquals("#inleiding", trend.target("../index.html"));
        assertEquals("#inleiding", trend.target("../"));
        assertEquals("#tijdlijn", trend.target("../tijdlijn.html"));
    }

    @Test
    void aLinkToAPageThatIsNotIncludedStaysARelativeLinkFromTheSiteRoot() {
        assertEquals("toegankelijkheid.html", trend.target("../toegankelijkheid.html"));
        assertEquals("politiecijfers.html#_cijfers", trend.target("../politiecijfers.html#_cijfers"));
        assertEquals("css/site.css", trend.target("../css/site.css"));
    }

    @Test
    void linksToOtherSitesAndEmailAddressesAreLeftAlone() {
        assertEquals("https://www.noordoostpolder.nl/", trend.target("https://www.noordoostpolder.nl/"));
        assertEquals("mailto:info@example.nl", trend.target("mailto:info@example.nl"));
        assertEquals("//example.org/x", trend.target("//example.org/x"));
    }

    @Test
    void anEmptyBodyStaysEmpty() {
        assertEquals("", trend.rewrite(""));
        assertEquals("", trend.rewrite(null));
    }

    private static Element parse(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }
}
