package nl.noordoostpolder.ivb.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the project and the site {@code mvn package} baked: system properties {@code ivb.projectDir}
 * and {@code ivb.siteDir}, set by Surefire and Failsafe in the pom.
 */
public final class SiteUnderTest {

    private SiteUnderTest() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("ivb.projectDir", ".")).toAbsolutePath().normalize();
    }

    /** The site baked by the package phase; fails clearly when it is missing. */
    public static Path bakedSite() {
        Path site = Path.of(System.getProperty("ivb.siteDir", projectDir().resolve("target/site").toString()));
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("no baked site in " + site + "; run `mvn verify` (the package phase bakes it)");
        }
        return site;
    }
}
