package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * As a new editor would try it: a broken trend header and an unknown theme, checked in a shell with no locale, a
 * Dutch and an English one, and with {@code --lang en}. The {@code file:line: error: } prefix never changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageChoiceTest {

    private static final String KNOWN = "crisisorganisatie, cybercrime, evenementen, maatschappelijke-onrust, "
            + "ondermijning, zorg-en-veiligheid";
    private static final List<String> DUTCH = List.of(
            "content/trends/kapotte-kop.adoc:8: error: deze kopregel is niet goed geschreven. Schrijf hem als "
                    + "':naam: waarde', met een dubbele punt voor en na de naam.",
            "content/trends/onbekend-thema.adoc:6: error: onbekend thema 'cyber' (bekend: " + KNOWN + ").");
    private static final List<String> ENGLISH = List.of(
            "content/trends/kapotte-kop.adoc:8: error: this header line is not a valid attribute. Write it as "
                    + "':naam: waarde', with a colon before and after the name.",
            "content/trends/onbekend-thema.adoc:6: error: unknown theme 'cyber' (known: " + KNOWN + ").");

    private Path source;

    @BeforeAll
    void siteWithTwoBrokenTrends(@TempDir Path dir) throws IOException {
        source = dir.resolve("src");
        for (String name : List.of("content", "templates", "assets")) {
            copyTree(SiteUnderTest.projectDir().resolve(name), source.resolve(name));
        }
        Files.copy(SiteUnderTest.projectDir().resolve("jbake.properties"), source.resolve("jbake.properties"));
        Files.writeString(source.resolve("content/trends/kapotte-kop.adoc"), trend("Kapotte kop", "cybercrime")
                .replace(":jbake-order: 99\n", ":jbake-order: 99\n:jbake-tags cyber\n"));
        Files.writeString(source.resolve("content/trends/onbekend-thema.adoc"), trend("Onbekend thema", "cyber"));
    }

    @Test
    void dutchWithoutALocale() {
        assertEquals(DUTCH, check(Map.of()));
    }

    @Test
    void dutchUnderADutchLocale() {
        assertEquals(DUTCH, check(Map.of("LANG", "nl_NL.UTF-8")));
        assertEquals(DUTCH, check(Map.of("LANG", "C.UTF-8")));
    }

    @Test
    void englishUnderAnEnglishLocale() {
        assertEquals(ENGLISH, check(Map.of("LANG", "en_US.UTF-8")));
        assertEquals(ENGLISH, check(Map.of("LC_ALL", "en_GB.UTF-8", "LANG", "nl_NL.UTF-8")));
    }

    @Test
    void englishWithLangEnAndDutchWithLangNlWhateverTheLocale() {
        assertEquals(ENGLISH, check(Map.of(), "--lang", "en"));
        assertEquals(ENGLISH, check(Map.of("LANG", "nl_NL.UTF-8"), "--lang=en"));
        assertEquals(DUTCH, check(Map.of("LANG", "en_US.UTF-8"), "--lang", "nl"));
    }

    @Test
    void theSummaryLineIsInTheSameLanguage() {
        StringWriter err = new StringWriter();
        Main.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err), "check", source.toString());
        assertTrue(err.toString().strip().endsWith("2 problemen gevonden."), err.toString());
        assertEquals(Language.NL, Language.current());
    }

    private List<String> check(Map<String, String> environment, String... lang) {
        List<String> args = new ArrayList<>(List.of("check", source.toString()));
        args.addAll(List.of(lang));
        StringWriter err = new StringWriter();
        int exit = Main.run(environment, new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(Main.CONTENT_ERRORS, exit, err.toString());
        return err.toString().lines().filter(l -> l.contains(": error: ")).toList();
    }

    private static String trend(String title, String theme) {
        return """
                = %s
                :jbake-type: trend
                :jbake-status: published
                :jbake-date: 2024-03-01
                :jbake-summary: Een trend om de taal van de meldingen te proberen.
                :jbake-theme: %s
                :jbake-order: 99

                Tekst van de trend.
                """.formatted(title, theme);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
