package nl.noordoostpolder.ivb.bake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

import nl.noordoostpolder.ivb.content.WholePolicySetting;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/** Reads the site settings ({@code site.*} keys) from {@code jbake.properties}. */
public final class SettingsLoader {

    static final String FILE = "jbake.properties";
    /** JBake settings that name folders; this site always uses its own, and says so when the file differs. */
    private static final Map<String, String> FIXED_FOLDERS = new TreeMap<>(Map.of("content.folder", "content",
            "template.folder", "templates", "asset.folder", "assets", "data.folder", "data"));

    private SettingsLoader() {
    }

    /** The line of a key in a properties file, or 1 when it cannot be found. */
    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // fall through: point at the file
        }
        return 1;
    }

    public static SiteSettings load(Path sourceDir, String baseUrlOverride, Problems problems) {
        return load(sourceDir, baseUrlOverride, null, problems);
    }

    /**
     * The settings, with the base URL and the edit URL given on the command line (when not blank) in place of
     * {@code site.baseurl} and {@code site.editurl}.
     */
    public static SiteSettings load(Path sourceDir, String baseUrlOverride, String editUrlOverride, Problems problems) {
        Properties props = new Properties();
        Path file = sourceDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (java.nio.charset.CharacterCodingException e) {
                problems.add(FILE, 1, Messages.get("settings.not-utf8"));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(FILE, 1, Messages.get("settings.unreadable", e.getMessage()));
            }
        }
        FIXED_FOLDERS.forEach((key, folder) -> {
            String value = props.getProperty(key);
            if (value != null && !value.strip().equals(folder)) {
                problems.add(FILE, lineOf(file, key), Messages.get("settings.folder.fixed", key, value, folder + "/", key + "=" + folder));
            }
        });
        boolean override = baseUrlOverride != null && !baseUrlOverride.isBlank();
        String baseUrl = override ? baseUrlOverride : props.getProperty("site.baseurl", "");
        boolean editOverride = editUrlOverride != null && !editUrlOverride.isBlank();
        String editUrl = editOverride ? editUrlOverride : props.getProperty("site.editurl", "");
        try {
            SiteSettings.checkAddress(baseUrl, Messages.get("settings.base-url"));
        } catch (IllegalArgumentException e) {
            problems.add(override ? "--base-url" : FILE, override ? 0 : lineOf(file, "site.baseurl"), e.getMessage());
            baseUrl = "";
        }
        try {
            SiteSettings.checkAddress(editUrl, Messages.get("settings.edit-url"));
        } catch (IllegalArgumentException e) {
            problems.add(editOverride ? "--edit-url" : FILE, editOverride ? 0 : lineOf(file, "site.editurl"),
                    e.getMessage());
            editUrl = "";
        }
        String whole = props.getProperty("site.wholepolicy", "auto");
        WholePolicySetting wholePolicy = WholePolicySetting.parse(whole).orElse(null);
        if (wholePolicy == null) {
            problems.add(FILE, lineOf(file, "site.wholepolicy"),
                    nl.noordoostpolder.ivb.i18n.Messages.get("pdf.setting.unknown", whole.strip()));
        }
        return new SiteSettings(
                props.getProperty("site.title", "Integraal veiligheidsbeleid 2024-2027"),
                props.getProperty("site.publisher", "Gemeente Noordoostpolder"),
                baseUrl, editUrl, wholePolicy);
    }
}
