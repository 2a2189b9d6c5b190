package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.bake.SettingsLoader;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The edit address reaches the build as the base URL does: {@code --edit-url} (what the pom passes from
 * {@code -Dsite.editUrl}, empty by default) over {@code site.editurl} in jbake.properties.
 */
class EditUrlSettingTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineValueWinsAndGetsItsSlash() throws IOException {
        assertEquals("https://github.com/o/r/edit/main/",
                load("https://props.example.org/edit/", "https://github.com/o/r/edit/main").editUrl());
    }

    @Test
    void anEmptyCommandLineValueKeepsThePropertiesValue() throws IOException {
        assertEquals("https://props.example.org/edit/", load("https://props.example.org/edit/", "").editUrl());
        assertEquals("https://props.example.org/edit/", load("https://props.example.org/edit/", null).editUrl());
        assertEquals("", load("", "").editUrl(), "no address anywhere: no link");
    }

    @Test
    void aBadCommandLineValueIsAProblemOfTheOption() throws IOException {
        Files.writeString(dir.resolve("jbake.properties"), "site.editurl=\n");
        Problems problems = new Problems();
        SettingsLoader.load(dir, null, "javascript:alert(1)//", problems);
        assertEquals(1, problems.size());
        Problem problem = problems.list().get(0);
        assertEquals("--edit-url", problem.path());
        assertEquals(0, problem.line());
    }

    private nl.noordoostpolder.ivb.render.SiteSettings load(String inProperties, String onCommandLine)
            throws IOException {
        Files.writeString(dir.resolve("jbake.properties"), "site.title=T\nsite.editurl=" + inProperties + "\n");
        Problems problems = new Problems();
        var settings = SettingsLoader.load(dir, null, onCommandLine, problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        return settings;
    }
}
