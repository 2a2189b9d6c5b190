package nl.noordoostpolder.ivb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The HTML pages of a baked site, parsed once, by their path in the site ({@code trends/x.html}). */
final class BakedPages {

    private BakedPages() {
    }

    static Map<String, Document> parse(Path site) {
        Map<String, Document> pages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.put(site.relativize(file).toString().replace('\\', '/'), Jsoup.parse(file.toFile(), "UTF-8"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
