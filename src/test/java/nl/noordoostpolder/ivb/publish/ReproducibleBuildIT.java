package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Two builds of the same sources give byte-identical files, so a deploy changes only what an editor changed and a
 * build can be checked against another. The second build runs in a time zone where today is another day and with a
 * locale that writes other digits and other lower case: a build time or a default-locale format anywhere in the
 * output would show up as a difference. (The build reads no clock at all, so {@code SOURCE_DATE_EPOCH} does not
 * apply: every date comes from the content.)
 */
class ReproducibleBuildIT {

    @Test
    void twoBuildsOfTheSameSourcesAreByteIdentical() throws IOException {
        Path first = PublishedSites.bakedFor(PublishedSites.PROJECT_SITE);
        Path second = PublishedSites.folder(PublishedSites.PROJECT_SITE).resolve("second");

        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(otherDay()));
            // Turkish lower case (I -> ı) with Arabic-Indic digits: a format or case change without Locale.ROOT differs.
            Locale.setDefault(Locale.forLanguageTag("tr-TR-u-nu-arab"));
            PublishedSites.bake(PublishedSites.PROJECT_SITE, second);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }

        Set<String> firstFiles = files(first);
        Set<String> secondFiles = files(second);
        assertEquals(firstFiles, secondFiles, "the same files");
        assertTrue(firstFiles.size() > 50, "compared only " + firstFiles.size() + " files");
        assertTrue(firstFiles.containsAll(Set.of("sitemap.xml", "feed.xml", "robots.txt", "index.html", "404.html")));
        List<String> different = new ArrayList<>();
        for (String file : firstFiles) {
            if (!Arrays.equals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)))) {
                different.add(file);
            }
        }
        assertEquals(List.of(), different, "files that differ between " + first + " and " + second);
    }

    /** A zone where the date differs from the default zone's today: 25 hours lie between these two. */
    private static ZoneId otherDay() {
        LocalDate today = LocalDate.now();
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        return LocalDate.now(kiritimati).equals(today) ? ZoneId.of("Pacific/Pago_Pago") : kiritimati;
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
