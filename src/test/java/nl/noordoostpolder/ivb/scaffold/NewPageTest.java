package nl.noordoostpolder.ivb.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.cli.Main;
import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/** {@code new TYPE "Title"} on a copy of the real site: valid pages, good file names, clear refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewPageTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    Path source;
    AsciidocConverter asciidoc;
    PageCreator creator;

    @BeforeAll
    void copy(@TempDir Path dir) throws IOException {
        source = dir.resolve("src");
        for (String name : List.of("content", "templates", "assets")) {
            copyTree(SiteUnderTest.projectDir().resolve(name), source.resolve(name));
        }
        Files.copy(SiteUnderTest.projectDir().resolve("jbake.properties"), source.resolve("jbake.properties"));
        asciidoc = new AsciidocConverter(source.resolve("content"));
        creator = new PageCreator(source, () -> asciidoc);
    }

    @AfterAll
    void close() {
        asciidoc.close();
    }

    @Test
    void everyTypeGivesAPageWithACompleteHeaderAndTheWholeSiteStillBuilds() throws IOException {
        Result trend = run("new", "trend", "Meer drukte op de weg", "--theme", "evenementen", "--date", "2026-11-30",
                source.toString());
        assertEquals(Main.OK, trend.code(), trend.err());
        assertTrue(trend.out().contains("Written "), trend.out());
        Path trendFile = source.resolve("content/trends/meer-drukte-op-de-weg.adoc");
        assertTrue(trendFile.toString().endsWith(trend.out().lines().findFirst().orElseThrow().substring("Written ".length())),
                "prints where it was written: " + trend.out());

        PageCreator.Created theme = creator.create(request(DocType.THEME, "Verkeersveiligheid", List.of(), null));
        PageCreator.Created themeTrend = creator.create(request(DocType.TREND, "Drukkere wegen",
                List.of("verkeersveiligheid"), null));
        PageCreator.Created session = creator.create(request(DocType.SESSION, "Themasessie verkeer",
                List.of("evenementen", "cybercrime"), "voorjaar 2025"));
        PageCreator.Created milestone = creator.create(request(DocType.MILESTONE, "Evaluatie van het beleid", List.of(), null));
        PageCreator.Created page = creator.create(request(DocType.PAGE, "Contact met de gemeente", List.of(), null));

        assertFalse(theme.published(), "a theme starts as a draft: it needs a trend first");
        assertFalse(themeTrend.published(), "a trend of a draft theme is a draft too");
        assertTrue(session.published() && milestone.published() && page.published());
        assertEquals("content/themes/verkeersveiligheid.adoc", theme.path());
        assertEquals("content/sessions/themasessie-verkeer.adoc", session.path());
        assertEquals("content/milestones/evaluatie-van-het-beleid.adoc", milestone.path());
        assertEquals("content/contact-met-de-gemeente.adoc", page.path());

        for (PageCreator.Created c : List.of(theme, themeTrend, session, milestone, page)) {
            DocType type = DocType.byId(Files.readString(c.file()).lines().filter(l -> l.startsWith(":jbake-type: "))
                    .findFirst().orElseThrow().substring(":jbake-type: ".length())).orElseThrow();
            String text = Files.readString(c.file());
            for (AttributeSpec spec : type.attributes()) {
                if (spec.required()) {
                    assertTrue(text.contains("\n" + spec.headerName() + " "), c.path() + " has " + spec.headerName());
                }
            }
            assertTrue(text.contains("\n== In het kort\n"), c.path());
        }
        assertTrue(Files.readString(session.file()).contains(":jbake-themes: evenementen, cybercrime\n:jbake-period: voorjaar 2025\n"));
        assertTrue(Files.readString(milestone.file()).contains(":jbake-period: 2026-11\n:jbake-progress: planned\n"));

        // the published new pages still hold the sentences to replace: check names each, with its file and line
        Result check = run("check", source.toString());
        assertEquals(Main.CONTENT_ERRORS, check.code(), check.err());
        List<String> errors = check.err().lines().filter(l -> l.contains(": error: ")).toList();
        for (String error : errors) {
            assertTrue(error.matches("content/(trends/meer-drukte-op-de-weg|sessions/themasessie-verkeer|milestones/"
                    + "evaluatie-van-het-beleid|contact-met-de-gemeente)\\.adoc:\\d+: error: the sentence '(Schrijf hier|"
                    + "Leg hier uit) .*', written by 'new' for you to replace, is still here\\..*"), error);
        }
        assertFalse(check.err().contains("verkeersveiligheid.adoc") || check.err().contains("drukkere-wegen.adoc"),
                "a draft may keep the sentences while it is being written: " + check.err());
        for (PageCreator.Created c : List.of(session, milestone, page)) {
            assertTrue(check.err().contains(c.path() + ":5: error: the sentence 'Schrijf hier in één zin"), check.err());
        }

        for (Path file : List.of(trendFile, session.file(), milestone.file(), page.file())) {
            Files.writeString(file, Files.readString(file).replaceAll("(?m)^(:jbake-summary: )?(Schrijf hier|Leg hier uit)"
                    + " .*$", "$1Een zin van de redactie."));
        }
        Result fixed = run("check", source.toString());
        assertEquals(Main.OK, fixed.code(), fixed.err());
        for (Path file : List.of(trendFile, theme.file(), themeTrend.file(), session.file(), milestone.file(), page.file())) {
            Files.delete(file); // the site is shared by the tests of this class
        }
    }

    @Test
    void aPublishedPageWithASentenceOfNewFailsTheBuildInDutchWithFileAndLine() throws IOException {
        Path page = source.resolve("content/over-de-toets.adoc");
        PageCreator.Created c = creator.create(request(DocType.PAGE, "Over de toets", List.of(), null));
        assertEquals(page, c.file());
        try {
            StringWriter err = new StringWriter();
            int code = Main.run(java.util.Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err), "build",
                    source.toString(), "--out", source.resolve("target/toets").toString());
            assertEquals(Main.CONTENT_ERRORS, code, err.toString());
            List<String> lines = Files.readAllLines(page);
            int summary = lines.indexOf(":jbake-summary: Schrijf hier in één zin waar deze pagina over gaat.") + 1;
            assertTrue(err.toString().contains("content/over-de-toets.adoc:" + summary + ": error: hier staat nog de "
                    + "voorbeeldzin 'Schrijf hier in één zin waar deze pagina over gaat.'. Vervang die door uw eigen "
                    + "tekst."), err.toString());
            int body = lines.indexOf("Schrijf hier in twee of drie korte zinnen waar deze pagina over gaat.") + 1;
            assertTrue(err.toString().contains("content/over-de-toets.adoc:" + body + ": error: hier staat nog de "
                    + "voorbeeldzin"), err.toString());
            assertFalse(Files.exists(source.resolve("target/toets")));

            Files.writeString(page, Files.readString(page).replace(":jbake-status: published", ":jbake-status: draft"));
            StringWriter draftErr = new StringWriter();
            assertEquals(Main.OK, Main.run(java.util.Map.of(), new PrintWriter(new StringWriter()),
                    new PrintWriter(draftErr), "check", source.toString()), "a draft may keep them: " + draftErr);
        } finally {
            Files.deleteIfExists(page);
        }
    }

    @Test
    void theSentencesToReplaceHaveOneHomeTheTemplate() {
        assertTrue(Placeholders.sentences().size() >= 10, Placeholders.sentences().toString());
        for (DocType type : DocType.values()) {
            String text = PageTemplate.text(new PageTemplate.Values(type, "Titel", DAY, true,
                    type == DocType.TREND ? List.of("cybercrime") : List.of(), 1, type == DocType.MILESTONE ? "2026-11" : null));
            assertTrue(Placeholders.sentences().stream().anyMatch(text::contains), type + " has a sentence to replace");
        }
    }

    @Test
    void aNewTrendTakesAFreePlaceEvenWhenAnotherPageOfItsThemeHasAProblem() throws IOException {
        Path broken = source.resolve("content/trends/kapotte-trend.adoc");
        Files.writeString(broken, """
                = Kapotte trend
                :jbake-type: trend
                :jbake-status: published
                :jbake-date: 2026-13-45
                :jbake-summary: Een trend met een datum die niet bestaat.
                :jbake-theme: cybercrime
                :jbake-order: 40

                Tekst.
                """);
        try {
            PageCreator.Created c = creator.create(request(DocType.TREND, "Nieuwe vorm van oplichting",
                    List.of("cybercrime"), null));
            assertTrue(Files.readString(c.file()).contains(":jbake-order: 41\n"), Files.readString(c.file()));
            Files.delete(c.file());
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void theFileNameIsLowerCaseAsciiWithHyphens() {
        PageCreator.Created c = creator.create(request(DocType.PAGE, "  Één thema's: Veiligheid & Zorg in Überlingen!  ",
                List.of(), null));
        assertEquals("content/een-themas-veiligheid-en-zorg-in-uberlingen.adoc", c.path());
        assertTrue(c.file().toFile().delete());
    }

    @Test
    void aTrendGetsTheNextFreePlaceInItsTheme() throws IOException {
        PageCreator.Created c = creator.create(request(DocType.TREND, "Wachtlijsten", List.of("zorg-en-veiligheid"), null));
        int highest = 0;
        try (var files = Files.list(source.resolve("content/trends"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (!f.equals(c.file()) && text.contains(":jbake-theme: zorg-en-veiligheid\n")) {
                    highest = Math.max(highest, Integer.parseInt(text.replaceAll("(?s).*:jbake-order: (\\d+).*", "$1")));
                }
            }
        }
        assertTrue(highest > 0);
        assertTrue(Files.readString(c.file()).contains(":jbake-order: " + (highest + 1) + "\n"));
        Files.delete(c.file());
    }

    @Test
    void refusesToOverwriteAFile() throws IOException {
        Path existing = source.resolve("content/trends/krapte-in-de-zorg.adoc");
        String before = Files.readString(existing);
        Result r = run("new", "trend", "Krapte in de zorg", "--theme", "zorg-en-veiligheid", source.toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("error: content/trends/krapte-in-de-zorg.adoc already exists, so nothing was written."), r.err());
        assertEquals(before, Files.readString(existing));
    }

    @Test
    void refusesAnUnknownThemeAndListsTheKnownOnes() {
        Result r = run("new", "trend", "Iets nieuws", "--theme", "verkeer", source.toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("error: unknown theme 'verkeer'. Use one of these themes: crisisorganisatie, cybercrime, "
                + "evenementen, maatschappelijke-onrust, ondermijning, "), r.err());
        assertTrue(r.err().contains("zorg-en-veiligheid"), r.err());
        assertFalse(Files.exists(source.resolve("content/trends/iets-nieuws.adoc")));

        Result missing = run("new", "trend", "Iets nieuws", source.toString());
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("a trend belongs to one theme: add --theme with one of these themes: crisisorganisatie"),
                missing.err());
    }

    @Test
    void refusesAnUnknownTypeAndAWrongDate() {
        Result type = run("new", "nieuws", "Iets", source.toString());
        assertEquals(Main.USAGE, type.code());
        assertTrue(type.err().contains("unknown type 'nieuws'. Use one of: theme, trend, session, milestone, page."), type.err());
        Result date = run("new", "page", "Iets", "--date", "2024-02-30", source.toString());
        assertEquals(Main.USAGE, date.code());
        assertTrue(date.err().contains("--date '2024-02-30' is not a date that exists in the form YYYY-MM-DD."), date.err());
        assertFalse(Files.exists(source.resolve("content/iets.adoc")));
    }

    @Test
    void aPageThatWouldFailTheBuildIsNotWritten() {
        Result r = run("new", "pagina", "Zoeken", source.toString());
        assertEquals(Main.CONTENT_ERRORS, r.code());
        assertTrue(r.err().contains("content/zoeken.adoc:1: error: the address zoeken.html is used by a page the site makes itself."),
                r.err());
        assertTrue(r.err().contains("Nothing was written."));
        assertFalse(Files.exists(source.resolve("content/zoeken.adoc")));
    }

    private PageCreator.Request request(DocType type, String title, List<String> themes, String period) {
        return new PageCreator.Request(type, title, DAY, themes, period);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] english = new String[args.length + 2]; // the assertions below quote the English messages
            english[0] = "--lang";
            english[1] = "en";
            System.arraycopy(args, 0, english, 2, args.length);
            int code = Main.run(english);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
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
