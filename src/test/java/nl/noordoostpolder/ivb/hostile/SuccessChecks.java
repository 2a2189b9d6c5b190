package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** For the hostile sources that must bake: what their site must show, beyond {@link SiteSafety}. */
final class SuccessChecks {

    private SuccessChecks() {
    }

    static Map<String, Consumer<Path>> all() {
        Map<String, Consumer<Path>> checks = new TreeMap<>();
        checks.put("utf8-bom", site -> {
            Document page = page(site, "trends/met-bom.html");
            assertEquals("Gegenereerde pagina", page.selectFirst("h1").text(), "the title, without a BOM before it");
            assertTrue(page.text().contains("één"), "the text, decoded as UTF-8");
            assertFalse(source(site, "trends/met-bom.html").contains("\uFEFF"), "no BOM anywhere in the page");
        });
        checks.put("windows-line-endings", site -> {
            Document page = page(site, "trends/crlf.html");
            assertFalse(source(site, "trends/crlf.html").contains("\r"), "no carriage return in the page");
            assertEquals(2, page.select(".page-body ul li").size(), "the list, parsed across CRLF lines");
            assertEquals("Gegenereerde pagina", page.selectFirst("h1").text());
        });
        checks.put("hidden-files-in-content", site -> {
            List<String> files = files(site);
            assertTrue(files.stream().noneMatch(f -> f.contains(".verborgen") || f.contains(".git")
                    || f.endsWith("~")), "hidden files or backups were published: " + files);
        });
        checks.put("include-shared-text", site -> {
            String text = page(site, "trends/deelt.html").select(".page-body").text();
            assertEquals(2, count(text, "Deze zin komt uit de gedeelde map."), text);
            assertEquals(1, count(text, "Deze zin komt uit dezelfde map."), text);
            assertTrue(files(site).stream().noneMatch(f -> f.contains("_gedeeld") || f.contains("_lokaal")),
                    "shared text is not a page of its own");
        });
        checks.put("markup-in-title-and-summary", site -> {
            Document page = page(site, "trends/opmaak.html");
            assertEquals("<script>alert('titel')</script> & {{ settings.title }} <img src=x onerror=alert(1)>",
                    page.selectFirst("h1").text(), "the title is shown as written, as text");
            assertTrue(page.title().startsWith("<script>alert('titel')</script> &"), page.title());
            assertEquals("Samenvatting met <b onmouseover=\"alert(1)\">opmaak</b> & \"aanhalingstekens\" en {% raw %}.",
                    page.selectFirst("meta[name=description]").attr("content"));
            String html = source(site, "trends/opmaak.html");
            assertTrue(html.contains("&lt;script&gt;alert("), "the title is escaped in the HTML");
            assertFalse(html.contains("<script>alert("), "no script from the title, summary or text");
            assertFalse(html.contains("<img src=x"), "no image from the title");
            assertFalse(html.contains("<b onmouseover"), "no markup from the summary");
            Element body = page.selectFirst(".page-body");
            assertTrue(body.text().contains("Tekst met <script>alert('tekst')</script> en {{ page.title }}"),
                    body.text());
            assertTrue(page(site, "themes/thema-a.html").text().contains("<script>alert('titel')</script>"),
                    "the title in the theme's list of trends, as text");
        });
        checks.put("draft-not-published", site -> {
            List<String> files = files(site);
            assertFalse(files.contains("trends/concept.html"), "a page without status is a draft: " + files);
            assertFalse(files.contains("concept-pagina.html"), "a draft page: " + files);
            for (String file : files) {
                if (file.endsWith(".html")) {
                    assertFalse(source(site, file).contains("Concepttrend"), "the draft is listed on " + file);
                }
            }
        });
        checks.put("nested-tables-and-lists", site -> {
            Element body = page(site, "trends/genest.html").selectFirst(".page-body");
            assertEquals(2, body.select("table").size(), "a table inside a table");
            assertEquals(1, body.select("table table").size(), "a table inside a table");
            assertEquals(10, body.select("ul").size(), "ten levels of list");
            assertTrue(body.text().contains("Binnenste tekst."));
        });
        return checks;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static Document page(Path site, String file) {
        assertTrue(Files.isRegularFile(site.resolve(file)), file + " was not baked");
        return SiteSafety.parse(site.resolve(file));
    }

    static String source(Path site, String file) {
        try {
            return Files.readString(site.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> files(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
