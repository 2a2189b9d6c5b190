package nl.noordoostpolder.ivb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Period;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class DocumentReaderTest {

    private final Problems problems = new Problems();

    private List<String> errors(String path, String text) {
        Optional<Document> doc = Pages.read(path, text, problems);
        assertTrue(doc.isEmpty(), "a page with problems gives no document");
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void aValidTrendBecomesADocument() {
        Document doc = Pages.valid("content/trends/krapte.adoc", Pages.trend("Krapte", "zorg", 3));
        assertEquals(DocType.TREND, doc.getType());
        assertEquals("krapte", doc.getSlug());
        assertEquals("trends/krapte.html", doc.getUrl());
        assertEquals(LocalDate.of(2024, 1, 15), doc.getDate());
        assertEquals(3, doc.getOrder());
        assertTrue(doc.isPublished());
    }

    @Test
    void aPageWithoutStatusIsADraft() {
        String text = Pages.trend("Krapte", "zorg", 3).replace(":jbake-status: published\n", "");
        assertFalse(Pages.valid("content/trends/krapte.adoc", text).isPublished());
        String draft = Pages.trend("Krapte", "zorg", 3).replace("published", "draft");
        assertFalse(Pages.valid("content/trends/krapte.adoc", draft).isPublished());
    }

    @Test
    void aMilestoneKeepsItsPeriodAsPreciseAsWritten() {
        Document doc = Pages.valid("content/milestones/besluit.adoc", Pages.header("Besluit", "milestone",
                ":jbake-period: voorjaar 2024", ":jbake-progress: planned"));
        assertEquals(Period.Precision.SEASON, doc.getPeriod().precision());
        assertEquals("Gepland", doc.getProgressLabel());
    }

    @Test
    void unknownTypeNamesTheKnownOnes() {
        assertEquals(List.of("content/trends/x.adoc:2: error: unknown type 'blog' (known: theme, trend, session, "
                + "milestone, page)."), errors("content/trends/x.adoc", Pages.header("X", "blog")));
    }

    @Test
    void missingTypeIsReportedAtTheTitle() {
        List<String> errors = errors("content/x.adoc", "= X\n:jbake-date: 2024-01-15\n\nTekst.\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("content/x.adoc:1: error: the page has no type."));
    }

    @Test
    void missingRequiredAttributeIsReportedWithAnExample() {
        String text = Pages.trend("X", "zorg", 1).replace(":jbake-theme: zorg\n", "");
        assertEquals(List.of("content/trends/x.adoc:1: error: missing ':jbake-theme:' (a trend needs it). Add it under "
                + "the title, for example ':jbake-theme: cybercrime'."), errors("content/trends/x.adoc", text));
    }

    @Test
    void everyWrongValueIsReportedAtOnceOnItsOwnLine() {
        String text = "= X\n:jbake-type: milestone\n:jbake-status: klaar\n:jbake-date: 2024-02-30\n"
                + ":jbake-summary: Over {gemeente}.\n:jbake-period: 2024-13\n:jbake-progress: bijna\n:jbake-tags: a\n\nT.\n";
        List<String> errors = errors("content/milestones/x.adoc", text);
        assertEquals(List.of(3, 4, 5, 6, 7, 8), errors.stream()
                .map(e -> Integer.parseInt(e.split(":")[1])).toList(), errors.toString());
        assertTrue(errors.get(1).contains("'2024-02-30', which is not a date that exists"), errors.get(1));
        assertTrue(errors.get(2).contains("attribute reference {gemeente}"), errors.get(2));
        assertTrue(errors.get(5).contains("unknown attribute ':jbake-tags:' for a milestone"), errors.get(5));
    }

    @Test
    void anOrderMustBeAWholeNumberOfAtLeastOne() {
        for (String order : List.of("0", "-1", "een", "1.5", "99999999999")) {
            problems.list();
            Problems own = new Problems();
            assertTrue(Pages.read("content/themes/x.adoc", Pages.header("X", "theme", ":jbake-order: " + order), own)
                    .isEmpty(), order);
            assertTrue(own.list().get(0).message().startsWith("':jbake-order:' is '" + order + "'"), order);
        }
    }

    @Test
    void aPageMustStandInTheFolderOfItsTypeUnderAnAddressableName() {
        List<String> errors = errors("content/themes/Mijn Trend.adoc", Pages.trend("X", "zorg", 1));
        assertEquals(List.of("content/themes/Mijn Trend.adoc:1: error: the file name 'Mijn Trend.adoc' becomes a web "
                + "address, so it may only hold lower case letters a-z, digits and single hyphens. Rename it, for "
                + "example to 'mijn-trend.adoc'.", "content/themes/Mijn Trend.adoc:2: error: a trend page belongs in "
                + "content/trends/. Move the file there, or change ':jbake-type:'."), errors);
    }

    @Test
    void aPageWithOnlyAHeaderIsReported() {
        String text = Pages.trend("X", "zorg", 1).replace("\nTekst.\n", "\n\n// nog schrijven\n\n");
        assertEquals(List.of("content/trends/x.adoc:7: error: the page has no text under its header. Write the text "
                + "of the page after a blank line under the header."), errors("content/trends/x.adoc", text));
    }

    @Test
    void aTooLongSummaryIsReported() {
        String text = Pages.trend("X", "zorg", 1).replace("Een zin.", "a".repeat(DocumentReader.MAX_SUMMARY + 1));
        assertTrue(errors("content/trends/x.adoc", text).get(0).startsWith("content/trends/x.adoc:5: error: the "
                + "summary is 301 characters"));
    }

    @Test
    void anAttributeReferenceInTheTitleIsReported() {
        String text = Pages.trend("Veiligheid in {gemeente}", "zorg", 1);
        assertEquals(List.of("content/trends/x.adoc:1: error: the title contains an AsciiDoc attribute reference "
                + "{gemeente}, which is not replaced in the title. Write the text itself."),
                errors("content/trends/x.adoc", text));
    }
}
