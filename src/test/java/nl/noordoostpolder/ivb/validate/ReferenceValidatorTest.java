package nl.noordoostpolder.ivb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.content.Document;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class ReferenceValidatorTest {

    private final List<Document> docs = new ArrayList<>();

    private ReferenceValidatorTest add(String path, String text) {
        docs.add(Pages.valid(path, text));
        return this;
    }

    private List<String> check() {
        Problems problems = new Problems();
        ReferenceValidator.check(docs, problems);
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void aConsistentSiteHasNoProblems() {
        add("content/themes/zorg.adoc", Pages.theme("Zorg"))
                .add("content/trends/krapte.adoc", Pages.trend("Krapte", "zorg", 1))
                .add("content/sessions/sessie.adoc", Pages.header("Sessie", "session", ":jbake-themes: zorg"))
                .add("content/milestones/m.adoc", Pages.header("M", "milestone", ":jbake-period: 2024-03",
                        ":jbake-progress: done", ":jbake-session: sessie"));
        assertEquals(List.of(), check());
    }

    @Test
    void anUnknownThemeNamesTheKnownOnesAtTheLineOfTheAttribute() {
        add("content/themes/zorg.adoc", Pages.theme("Zorg")).add("content/themes/cybercrime.adoc", Pages.theme("C"))
                .add("content/trends/a.adoc", Pages.trend("A", "zorg", 1))
                .add("content/trends/b.adoc", Pages.trend("B", "cybercrime", 1))
                .add("content/trends/x.adoc", Pages.trend("X", "cyber", 2));
        assertEquals(List.of("content/trends/x.adoc:6: error: unknown theme 'cyber' (known: cybercrime, zorg)."), check());
    }

    @Test
    void aDeletedThemeBreaksItsTrendsAndSessions() {
        add("content/trends/krapte.adoc", Pages.trend("Krapte", "zorg", 1))
                .add("content/sessions/sessie.adoc", Pages.header("Sessie", "session", ":jbake-themes: zorg, , cyber"));
        assertEquals(List.of("content/sessions/sessie.adoc:6: error: unknown theme 'cyber' (known: none).",
                "content/sessions/sessie.adoc:6: error: unknown theme 'zorg' (known: none).",
                "content/trends/krapte.adoc:6: error: unknown theme 'zorg' (known: none)."), check());
    }

    @Test
    void anUnknownSessionIsReported() {
        add("content/milestones/m.adoc", Pages.header("M", "milestone", ":jbake-period: 2024-03",
                ":jbake-progress: done", ":jbake-session: bestaat-niet"));
        assertEquals(List.of("content/milestones/m.adoc:8: error: unknown session 'bestaat-niet' (known: none)."),
                check());
    }

    @Test
    void aPublishedPageMayNotPointAtADraft() {
        add("content/themes/zorg.adoc", Pages.theme("Zorg").replace("published", "draft"))
                .add("content/trends/krapte.adoc", Pages.trend("Krapte", "zorg", 1));
        List<String> errors = check();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/trends/krapte.adoc:6: error: the theme 'zorg' is a draft"));
    }

    @Test
    void twoPagesWithOneSlugOrOneAddressAreReported() {
        add("content/themes/zorg.adoc", Pages.theme("Zorg"))
                .add("content/trends/zorg.adoc", Pages.trend("Zorg", "zorg", 1))
                .add("content/themas.adoc", Pages.header("Thema's", "page"));
        List<String> errors = check();
        assertEquals(List.of("content/themas.adoc:1: error: the address themas.html is used by a page the site makes "
                + "itself. Rename the file.", "content/trends/zorg.adoc:1: error: the slug 'zorg' is also used by "
                + "content/themes/zorg.adoc; every page needs its own file name. Rename one of them."), errors);
    }

    @Test
    void aThemeWithoutTrendsAndTwoTrendsInOnePlaceAreReported() {
        add("content/themes/zorg.adoc", Pages.theme("Zorg")).add("content/themes/leeg.adoc", Pages.theme("Leeg"))
                .add("content/trends/a.adoc", Pages.trend("A", "zorg", 1))
                .add("content/trends/b.adoc", Pages.trend("B", "zorg", 1));
        List<String> errors = check();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/themes/leeg.adoc:1: error: the theme has no published trend."));
        assertTrue(errors.get(1).startsWith("content/trends/b.adoc:7: error: ':jbake-order: 1' is also used by "
                + "content/trends/a.adoc"));
    }
}
