package nl.noordoostpolder.ivb.bake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;

/** Reads the site settings ({@code site.*} keys) from {@code jbake.properties}. */
public final class SettingsLoader {

    static final String FILE = "jbake.properties";

    private SettingsLoader() {
    }

    public static SiteSettings load(Path sourceDir, String baseUrlOverride, Problems problems) {
        Properties props = new Properties();
        Path file = sourceDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(FILE, 0, "cannot be read: " + e.getMessage());
            }
        }
        String baseUrl = baseUrlOverride != null && !baseUrlOverride.isBlank()
                ? baseUrlOverride : props.getProperty("site.baseurl", "");
        try {
            return new SiteSettings(
                    props.getProperty("site.title", "Integraal veiligheidsbeleid 2024-2027"),
                    props.getProperty("site.publisher", "Gemeente Noordoostpolder"),
                    baseUrl,
                    props.getProperty("site.editurl", ""));
        } catch (IllegalArgumentException e) {
            problems.add(baseUrlOverride != null && !baseUrlOverride.isBlank() ? "--base-url" : FILE, 0, e.getMessage());
            return new SiteSettings(props.getProperty("site.title", ""), props.getProperty("site.publisher", ""), "", "");
        }
    }
}
