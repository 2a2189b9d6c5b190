package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The real jar under the ASCII locale of CI machines and containers ({@code LANG=C}): Dutch letters such as the
 * "ó" of "vóór" reach the output as UTF-8, not as question marks.
 */
class ConsoleEncodingIT {

    @Test
    void underTheCLocaleDutchLettersArePrintedAsUtf8() throws Exception {
        Path jar = SiteUnderTest.projectDir().resolve("target/ivb.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn package first");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "diff", "--help");
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("LC_MESSAGES");
        Path out = Files.createTempFile("ivb-encoding", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "diff --help did not finish");
            assertEquals(0, process.exitValue());
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(text.contains("van vóór de wijziging"), text);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
