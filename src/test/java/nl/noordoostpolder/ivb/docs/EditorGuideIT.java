package nl.noordoostpolder.ivb.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Follows chapter 5 of {@code docs/redactie.md}, "Een trend toevoegen aan een thema", as a new editor would, with the
 * commands exactly as the guide writes them: the new trend must then be on its theme page, in the site's navigation
 * (the theme's list, the other trends' list and pager, the breadcrumbs), in the overviews, in search and in the
 * sitemap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorGuideIT {

    private static final String TREND_URL = "trends/meer-drukte-op-de-weg.html";
    private static final String TITLE = "Meer drukte op de weg";

    Path source;
    Path site;
    String guide;

    @BeforeAll
    void followTheGuide(@TempDir Path dir) throws Exception {
        Path project = SiteUnderTest.projectDir();
        guide = Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8);
        String chapter = guide.substring(guide.indexOf("## 5. Een trend toevoegen aan een thema"),
                guide.indexOf("## 6. "));
        source = dir.resolve("project");
        copy(project, source);

        // step 2: the command as the guide gives it
        String newTrend = command(chapter, "java -jar target/ivb.jar new trend");
        Result created = run(newTrend);
        assertEquals(0, created.code(), created.output());
        assertTrue(created.output().contains("Geschreven: content/trends/meer-drukte-op-de-weg.adoc"), created.output());

        // steps 4 and 5: replace the template sentences and the summary, keep the headings
        Path file = source.resolve("content/trends/meer-drukte-op-de-weg.adoc");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(":jbake-theme: evenementen\n"), text);
        text = text.replaceAll(":jbake-summary: .*", ":jbake-summary: Bij evenementen is het drukker op de weg.")
                .replaceAll("(?m)^(Schrijf hier|Leg hier uit).*$", "Bij grote evenementen komen er meer auto's naar de polder.");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        // chapter 9: build the whole site
        String build = command(guide, "java -jar target/ivb.jar build");
        Result built = run(build);
        assertEquals(0, built.code(), built.output());
        site = source.resolve("target/site");
    }

    @Test
    void theTrendHasItsOwnPageWithTheTextAndTheThemeInTheBreadcrumbs() throws IOException {
        String page = read(TREND_URL);
        assertTrue(page.contains("<h1>" + TITLE + "</h1>"), page);
        assertTrue(page.contains("Bij grote evenementen komen er meer auto"), page);
        assertTrue(page.contains("href=\"../themes/evenementen.html\""), "breadcrumbs and theme link");
    }

    @Test
    void theTrendIsOnItsThemePageAndInTheNavigationOfTheOtherTrends() throws IOException {
        assertTrue(read("themes/evenementen.html").contains("href=\"../" + TREND_URL + "\">" + TITLE + "</a>"));
        List<String> siblings = new ArrayList<>();
        try (Stream<Path> files = Files.list(source.resolve("content/trends"))) {
            for (Path f : files.toList()) {
                if (Files.readString(f).contains(":jbake-theme: evenementen\n") && !f.getFileName().toString().startsWith("meer-drukte")) {
                    siblings.add("trends/" + f.getFileName().toString().replace(".adoc", ".html"));
                }
            }
        }
        assertTrue(!siblings.isEmpty());
        for (String sibling : siblings) {
            assertTrue(read(sibling).contains(TITLE), sibling + " lists the new trend among the trends of its theme");
        }
    }

    @Test
    void theTrendIsInTheOverviews() throws IOException {
        assertTrue(read("trends.html").contains(TITLE));
        assertTrue(read("a-z.html").contains(TITLE));
    }

    @Test
    void theTrendCanBeFound() throws IOException {
        Path index = site.resolve("search-index.json");
        Assumptions.assumeTrue(Files.exists(index), "no search index (search-index.json) is built on this branch: skipped");
        // titles are in the page texts of the index, in the folder the first file names
        String meta = Files.readString(index, StandardCharsets.UTF_8);
        int at = meta.indexOf("\"data\":\"") + 8;
        try (java.util.stream.Stream<Path> texts = Files.list(site.resolve(meta.substring(at, meta.indexOf('"', at))).resolve("p"))) {
            assertTrue(texts.filter(f -> f.toString().endsWith(".json")).anyMatch(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8).contains(TITLE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), TITLE + " in the search index");
        }
    }

    @Test
    void theTrendIsInTheSitemap() throws IOException {
        Path sitemap = site.resolve("sitemap.xml");
        Assumptions.assumeTrue(Files.exists(sitemap), "no sitemap.xml is built on this branch: skipped");
        assertTrue(Files.readString(sitemap, StandardCharsets.UTF_8).contains(TREND_URL));
    }

    private String read(String url) throws IOException {
        return Files.readString(site.resolve(url), StandardCharsets.UTF_8);
    }

    /** The first command in {@code text} that starts with {@code prefix}, as the guide writes it. */
    private static String command(String text, String prefix) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the guide has no command starting with " + prefix));
    }

    private record Result(int code, String output) {
    }

    /** Runs a command line of the guide in the copied project, with the jar this build made. */
    private Result run(String commandLine) throws IOException, InterruptedException {
        List<String> words = split(commandLine);
        assertEquals(List.of("java", "-jar", "target/ivb.jar"), words.subList(0, 3));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(System.getProperty("ivb.jar", SiteUnderTest.projectDir().resolve("target/ivb.jar").toString()));
        command.addAll(words.subList(3, words.size()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(source.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("LC_ALL", "LC_MESSAGES"));
        builder.environment().put("LANG", "nl_NL.UTF-8"); // a Dutch editor's computer, whatever this machine's locale
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        return new Result(p.exitValue(), output);
    }

    /** Splits a command line on spaces, keeping "quoted words" together, as a shell does. */
    private static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static void copy(Path project, Path target) throws IOException {
        for (String name : List.of("content", "templates", "assets", "jbake.properties")) {
            Path from = project.resolve(name);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path t = target.resolve(project.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                    } else {
                        Files.createDirectories(t.getParent());
                        Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
