package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ivb diff OLD NEW} is a report: exit 0 with or without differences, exit 2 with a Dutch message naming the
 * folder when one is missing or not a built site, or an option is wrong.
 */
class DiffCommandTest {

    @TempDir
    Path dir;

    private Path before;
    private Path after;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void twoSmallSites() throws IOException {
        before = site("voor", "<h1>Home</h1>", "<title>Oud</title><h1>Trend X</h1><p>oud</p>");
        after = site("na", "<h1>Home</h1>", "<title>Nieuw</title><h1>Trend X</h1><p>nieuw</p>");
    }

    @Test
    void differencesAreReportedWithExitZero() {
        assertEquals(Main.OK, run("diff", before.toString(), after.toString()));
        assertTrue(out.toString().contains("  ~ Trend X  (trends/x.html)\n"), out.toString());
        assertTrue(out.toString().contains("Pagina's: 0 nieuw, 1 gewijzigd, 0 verwijderd."), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void noDifferenceIsAlsoExitZero() {
        assertEquals(Main.OK, run("diff", before.toString(), before.toString()));
        assertTrue(out.toString().contains("Geen enkele pagina verandert."), out.toString());
    }

    @Test
    void markdownIsForTheJobSummary() {
        assertEquals(Main.OK, run("diff", "--format", "markdown", "--base-url", "https://o.github.io/r",
                before.toString(), after.toString()));
        assertTrue(out.toString().startsWith("## Wat deze wijziging publiceert\n"), out.toString());
        assertTrue(out.toString().contains("| [Trend X](https://o.github.io/r/trends/x.html) | `trends/x.html` |"),
                out.toString());
    }

    @Test
    void aMissingFolderIsWrongUsageNamingIt() {
        Path missing = dir.resolve("bestaat-niet");
        assertEquals(Main.USAGE, run("diff", before.toString(), missing.toString()));
        assertEquals("error: de map " + missing + " bestaat niet. Geef de map van een gebouwde site, bijvoorbeeld "
                + "target/site.\n", err.toString());
    }

    @Test
    void aFolderWithoutIndexHtmlIsNotABuiltSite() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("content"));
        assertEquals(Main.USAGE, run("diff", sources.toString(), after.toString()));
        assertTrue(err.toString().startsWith("error: " + sources + " is geen gebouwde site: index.html ontbreekt."),
                err.toString());
    }

    @Test
    void anUnknownFormatOrABadAddressIsWrongUsage() {
        assertEquals(Main.USAGE, run("diff", "--format", "html", before.toString(), after.toString()));
        assertTrue(err.toString().contains("onbekend formaat 'html'. Kies text of markdown."), err.toString());
        assertEquals(Main.USAGE, run("diff", "--base-url", "javascript:alert(1)", before.toString(), after.toString()));
        assertTrue(err.toString().contains("--base-url is geen volledig webadres"), err.toString());
        assertEquals(Main.USAGE, run("diff", before.toString()));
    }

    @Test
    void theHelpIsDutch() {
        assertEquals(Main.OK, run("diff", "--help"));
        assertTrue(out.toString().contains("Vergelijk twee gebouwde sites"), out.toString());
        assertTrue(out.toString().contains("text (voor de terminal, standaard) of markdown"), out.toString());
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path site(String name, String home, String trend) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        Files.writeString(root.resolve("index.html"), home, StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("trends"));
        Files.writeString(root.resolve("trends/x.html"), trend, StandardCharsets.UTF_8);
        return root;
    }
}
