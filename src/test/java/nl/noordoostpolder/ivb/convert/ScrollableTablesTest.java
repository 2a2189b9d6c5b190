package nl.noordoostpolder.ivb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ScrollableTablesTest {

    @Test
    void aTableIsWrappedInAFocusableNamedRegion() {
        String html = "<div class=\"sect1\"><table class=\"tableblock frame-all\"><tbody><tr><td>a</td></tr></tbody></table></div>";
        Element wrapper = Jsoup.parseBodyFragment(ScrollableTables.wrap(html)).selectFirst("div.table-scroll");
        assertEquals("region", wrapper.attr("role"));
        assertEquals("0", wrapper.attr("tabindex"));
        assertEquals("Tabel", wrapper.attr("aria-label"));
        assertEquals("table", wrapper.child(0).tagName());
        assertEquals("sect1", wrapper.parent().className());
    }

    @Test
    void theRegionIsNamedAfterTheCaptionOrNumberedWhenThereAreSeveral() {
        String html = "<table class=\"tableblock\"><caption class=\"title\">Tabel 1. Planning</caption><tr><td>a</td></tr></table>"
                + "<table class=\"tableblock\"><tr><td>b</td></tr></table>";
        var regions = Jsoup.parseBodyFragment(ScrollableTables.wrap(html)).select("div.table-scroll");
        assertEquals(2, regions.size());
        assertEquals("Tabel 1. Planning", regions.get(0).attr("aria-label"));
        assertEquals("Tabel 2", regions.get(1).attr("aria-label"));
    }

    @Test
    void aNoteLayoutTableAndABodyWithoutTablesAreLeftAlone() {
        String note = "<div class=\"admonitionblock note\"><table><tr><td class=\"icon\">Let op</td></tr></table></div>";
        assertSame(note, ScrollableTables.wrap(note));
        String text = "<p>geen tabel</p>";
        assertSame(text, ScrollableTables.wrap(text));
    }
}
