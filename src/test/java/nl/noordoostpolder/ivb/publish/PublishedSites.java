package nl.noordoostpolder.ivb.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.bake.SettingsLoader;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The real site baked for a published address, once per test JVM and shared by the publishing tests: a bake takes
 * tens of seconds on a busy machine. Each base URL keeps its {@link Bakery}, so a second bake of the same site (the
 * reproducibility test) reuses the running Asciidoctor.
 */
final class PublishedSites {

    /** A GitHub Pages project site: one folder below the domain. */
    static final String PROJECT_SITE = "https://ivb.example.org/repo/";
    /** A site two folders deep. */
    static final String NESTED_SITE = "https://ivb.example.org/a/b/";

    private static final Map<String, Bakery> BAKERIES = new HashMap<>();
    private static final Map<String, Path> SITES = new HashMap<>();

    private PublishedSites() {
    }

    /** The site baked for {@code baseUrl}, baking it on first use. */
    static synchronized Path bakedFor(String baseUrl) {
        return SITES.computeIfAbsent(baseUrl, url -> bake(url, folder(url).resolve("site")));
    }

    /** Bakes the site for {@code baseUrl} again, into {@code output}. */
    static synchronized Path bake(String baseUrl, Path output) {
        Bakery bakery = BAKERIES.computeIfAbsent(baseUrl, url -> {
            Bakery b = new Bakery(SiteUnderTest.projectDir(), BakeOptions.defaults().withBaseUrl(url));
            Runtime.getRuntime().addShutdownHook(new Thread(b::close));
            return b;
        });
        return bakery.build(output).output();
    }

    /** A fresh folder for the bakes of one base URL, under the build directory. */
    static Path folder(String baseUrl) {
        String name = URI.create(baseUrl).getPath().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "publish-it", name.isEmpty() ? "root" : name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * The settings {@code target/site} was baked with: {@code -Dsite.baseUrl} (handed to the tests as
     * {@code ivb.siteBaseUrl}) or else {@code site.baseurl} in jbake.properties, exactly as the build reads them.
     */
    static SiteSettings settingsOfBakedSite() {
        Problems problems = new Problems();
        SiteSettings settings = SettingsLoader.load(SiteUnderTest.projectDir(), System.getProperty("ivb.siteBaseUrl", ""),
                problems);
        problems.throwIfAny();
        return settings;
    }
}
