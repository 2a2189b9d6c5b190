package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.cli.Main;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

/**
 * A page Asciidoctor needs minutes for (thousands of {@code pass:[} in a row: quadratic) fails the build with its
 * file instead of stalling it. The limit is lowered for the test with {@code ivb.convert.timeout}.
 */
@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class SlowPageTest {

    @Test
    void aPageThatTakesTooLongIsReportedAndTheOldSiteStays() throws Exception {
        HostileCase base = new HostileCase("slow-page", HostileSourcesTest.casesRoot().resolve("_base"), 1, List.of(), "");
        try (Workspace ws = Workspace.create(SiteUnderTest.projectDir(), HostileSourcesTest.casesRoot().resolve("_base"),
                base)) {
            Files.writeString(ws.source().resolve("content/trends/traag.adoc"), GeneratedSources.HEADER
                    + "pass:[".repeat(8000) + "\n", StandardCharsets.UTF_8);
            String before = ws.fingerprint();
            StringWriter err = new StringWriter();
            System.setProperty("ivb.convert.timeout", "3");
            int exit;
            try {
                exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--lang", "en", "build",
                        ws.source().toString(), "--out", ws.output().toString());
            } finally {
                System.clearProperty("ivb.convert.timeout");
            }
            List<String> errors = err.toString().lines().filter(l -> l.contains(": error: ")).toList();
            assertEquals(1, exit, err.toString());
            assertTrue(errors.contains("content/trends/traag.adoc:1: error: converting the pages took longer than 3 "
                    + "seconds and this page was not done. It may hold something Asciidoctor handles very slowly, such "
                    + "as thousands of pass:[ or footnote:[ in a row; simplify it."), err.toString());
            assertTrue(errors.stream().allMatch(l -> l.contains("converting the pages took longer")), err.toString());
            assertEquals(before, ws.fingerprint());
        }
    }
}
