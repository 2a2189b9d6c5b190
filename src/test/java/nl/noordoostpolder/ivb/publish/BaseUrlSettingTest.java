package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.noordoostpolder.ivb.bake.SettingsLoader;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The base URL reaches the build the ways the README names: {@code --base-url} (what the pom passes from
 * {@code -Dsite.baseUrl}, empty by default) over {@code site.baseurl} in jbake.properties; an empty value means none.
 * The address configure-pages gives (no trailing slash) yields the right base path.
 */
class BaseUrlSettingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "https://owner.github.io/repo, https://owner.github.io/repo/, /repo/",
            "https://owner.github.io/repo/, https://owner.github.io/repo/, /repo/",
            "https://owner.github.io/repo//, https://owner.github.io/repo/, /repo/",
            "https://www.example.nl, https://www.example.nl/, /",
            "https://example.org/a/b, https://example.org/a/b/, /a/b/",
    })
    void anAddressGivesItsBaseUrlAndPath(String given, String baseUrl, String basePath) throws IOException {
        SiteSettings settings = load("", given);
        assertEquals(baseUrl, settings.baseUrl());
        assertEquals(basePath, settings.basePath());
        assertEquals(baseUrl + "trends/x.html", settings.absolute("trends/x.html"));
        assertEquals(baseUrl, settings.absolute("index.html"));
    }

    @Test
    void anEmptyCommandLineValueKeepsThePropertiesValue() throws IOException {
        assertEquals("https://props.example.org/ivb/", load("https://props.example.org/ivb/", "").baseUrl());
        assertEquals("https://props.example.org/ivb/", load("https://props.example.org/ivb/", null).baseUrl());
    }

    @Test
    void theCommandLineValueWins() throws IOException {
        assertEquals("https://cli.example.org/", load("https://props.example.org/ivb/", "https://cli.example.org").baseUrl());
    }

    @Test
    void noValueAnywhereMeansNoBaseUrlAndTheRootPath() throws IOException {
        SiteSettings settings = load("", "");
        assertFalse(settings.hasBaseUrl());
        assertEquals("/", settings.basePath());
    }

    @Test
    void aRelativeOrNonHttpAddressIsAProblemOfItsSource() throws IOException {
        for (String bad : new String[] {"/repo/", "ftp://example.org/", "example.org/x"}) {
            Files.writeString(dir.resolve("jbake.properties"), "site.baseurl=\n");
            Problems problems = new Problems();
            SettingsLoader.load(dir, bad, problems);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.list().get(0).toString().contains("--base-url"), problems.list().toString());
        }
    }

    private SiteSettings load(String inProperties, String onCommandLine) throws IOException {
        Files.writeString(dir.resolve("jbake.properties"), "site.title=T\nsite.baseurl=" + inProperties + "\n");
        Problems problems = new Problems();
        SiteSettings settings = SettingsLoader.load(dir, onCommandLine, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        return settings;
    }
}
