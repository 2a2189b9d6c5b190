package nl.noordoostpolder.ivb.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.diff.SiteDiff.Part;

/**
 * The two reports of a comparison: the terminal's and the pull request's Markdown, in which nothing a page's title
 * holds can add markup or links to the job summary.
 */
class ReportsTest {

    private static final SiteDiff DIFF = new SiteDiff(
            List.of(new PageChange("milestones/nieuw.html", "Nieuwe stap")),
            List.of(new PageChange("trends/x.html", "Krapte in de zorg"), new PageChange("tijdlijn.html", "Tijdlijn")),
            List.of(new PageChange("oud.html", "Oude pagina")),
            Part.CHANGED, Part.UNCHANGED, Part.ABSENT, 2);

    @Test
    void theTextReportNamesEveryPageWithItsAddress() {
        String text = TextReport.render(DIFF);
        assertEquals("""
                Wat deze wijziging publiceert
                Pagina's: 1 nieuw, 2 gewijzigd, 1 verwijderd.

                Nieuwe pagina's (1)
                  + Nieuwe stap  (milestones/nieuw.html)

                Gewijzigde pagina's (2)
                  ~ Krapte in de zorg  (trends/x.html)
                  ~ Tijdlijn  (tijdlijn.html)

                Verwijderde pagina's (1)
                  - Oude pagina  (oud.html)

                Zoekindex (search-index.json en search-index/): gewijzigd
                Sitemap (sitemap.xml): niet gewijzigd
                Feed (feed.xml): niet aanwezig (de site is gebouwd zonder adres)
                Andere bestanden gewijzigd (opmaak, scripts, plaatjes, robots.txt): 2
                """, text);
    }

    @Test
    void withNoPageChangedTheReportSaysSo() {
        SiteDiff none = new SiteDiff(List.of(), List.of(), List.of(), Part.UNCHANGED, Part.UNCHANGED, Part.UNCHANGED, 0);
        assertTrue(TextReport.render(none).contains("\nGeen enkele pagina verandert.\n"), TextReport.render(none));
        assertTrue(MarkdownReport.render(none, "").contains("\nGeen enkele pagina verandert.\n"));
        assertFalse(MarkdownReport.render(none, "").contains("|"), "no empty tables");
    }

    @Test
    void theMarkdownReportHasAHeadingAndATablePerKindOfChange() {
        String md = MarkdownReport.render(DIFF, "");
        assertTrue(md.startsWith("## Wat deze wijziging publiceert\n\nPagina's: 1 nieuw, 2 gewijzigd, 1 verwijderd.\n"), md);
        assertTrue(md.contains("### Nieuwe pagina's (1)\n\n| Titel | Adres |\n|---|---|\n"
                + "| Nieuwe stap | `milestones/nieuw.html` |\n"), md);
        assertTrue(md.contains("| Krapte in de zorg | `trends/x.html` |\n| Tijdlijn | `tijdlijn.html` |\n"), md);
        assertTrue(md.contains("### Verwijderde pagina's (1)"), md);
        assertTrue(md.contains("- Zoekindex (search-index.json en search-index/): gewijzigd\n"), md);
        assertFalse(md.contains("]("), "no links without the site's address");
    }

    @Test
    void withTheSiteAddressChangedAndRemovedPagesLinkToTheLiveVersionAndNewOnesDoNot() {
        String md = MarkdownReport.render(DIFF, "https://owner.github.io/repo/");
        assertTrue(md.contains("| [Krapte in de zorg](https://owner.github.io/repo/trends/x.html) | `trends/x.html` |"), md);
        assertTrue(md.contains("| [Oude pagina](https://owner.github.io/repo/oud.html) | `oud.html` |"), md);
        assertTrue(md.contains("| Nieuwe stap | `milestones/nieuw.html` |"), "a new page is not online yet: " + md);
        assertTrue(md.contains("De links gaan naar de versie die nu online staat."), md);
    }

    @Test
    void aTitleCannotAddMarkupOrLinksToTheSummary() {
        String hostile = "<img src=x onerror=alert(1)> [klik](javascript:alert(2)) | *vet* _schuin_ `code` ~weg~ &amp; \\";
        SiteDiff diff = new SiteDiff(List.of(), List.of(new PageChange("a b(1).html", hostile)), List.of(),
                Part.UNCHANGED, Part.UNCHANGED, Part.UNCHANGED, 0);
        String md = MarkdownReport.render(diff, "https://e.org/");
        String expectedTitle = "\\<img src=x onerror=alert(1)\\> \\[klik\\](javascript:alert(2)) \\| \\*vet\\* "
                + "\\_schuin\\_ \\`code\\` \\~weg\\~ \\&amp; \\\\";
        assertTrue(md.contains("| [" + expectedTitle + "](https://e.org/a%20b%281%29.html) | `a b(1).html` |"), md);
    }
}
