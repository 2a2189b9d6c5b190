package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import nl.noordoostpolder.ivb.cli.Main;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The real site built as the Pages workflow builds it: its {@code EDIT_URL}, with GitHub's context filled in for a
 * repository {@code gemeente/ivb-site} whose default branch is {@code main}, passed to {@code ivb build --edit-url}.
 * A trend page then links to GitHub's web editor for exactly its own source file; a page the site makes itself has
 * no source file and no link.
 */
class EditLinkTest {

    private static final Map<String, String> CONTEXT = Map.of("github.server_url", "https://github.com",
            "github.repository", "gemeente/ivb-site", "github.event.repository.default_branch", "main");
    private static final String EDITOR = "https://github.com/gemeente/ivb-site/edit/main/";

    private static Path site;

    @BeforeAll
    static void buildAsTheWorkflowDoes() throws IOException {
        String editUrl = fill(workflowEditUrl());
        assertEquals(EDITOR, editUrl, "the workflow's EDIT_URL is GitHub's web editor on the default branch");
        site = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "edit-link").resolve("site");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "build", "--force", "--out", site.toString(),
                "--edit-url", editUrl, SiteUnderTest.projectDir().toString());
        assertEquals(Main.OK, exit, out + "\n" + err);
    }

    @Test
    void aTrendPageLinksToGitHubsEditorForItsOwnSourceFile() throws IOException {
        Element link = editLink("trends/krapte-in-de-zorg.html");
        assertNotNull(link, "the trend page has an edit link");
        assertEquals(EDITOR + "content/trends/krapte-in-de-zorg.adoc", link.attr("href"));
        assertTrue(link.text().startsWith("Bewerk deze pagina"), link.text());
        assertTrue(Files.isRegularFile(SiteUnderTest.projectDir().resolve("content/trends/krapte-in-de-zorg.adoc")));
    }

    @Test
    void everyEditLinkPointsAtAFileInTheRepositoryAndGeneratedPagesHaveNone() throws IOException {
        int links = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Element link = editLink(site.relativize(page).toString());
                if (link != null) {
                    links++;
                    String source = link.attr("href").substring(EDITOR.length());
                    assertTrue(source.startsWith("content/") && source.endsWith(".adoc")
                            && Files.isRegularFile(SiteUnderTest.projectDir().resolve(source)), page + ": " + source);
                }
            }
        }
        assertTrue(links >= 40, "pages written by the editors have the link: " + links);
        for (String generated : List.of("themas.html", "trends.html", "sessies.html", "tijdlijn.html", "a-z.html",
                "zoeken.html", "404.html")) {
            assertNull(editLink(generated), generated + " has no source file");
        }
    }

    private static Element editLink(String page) throws IOException {
        return Jsoup.parse(site.resolve(page).toFile(), "UTF-8").selectFirst("a[href^=" + EDITOR + "]");
    }

    private static String workflowEditUrl() throws IOException {
        Path workflow = SiteUnderTest.projectDir().resolve(".github/workflows/pages.yml");
        try (Reader in = Files.newBufferedReader(workflow, StandardCharsets.UTF_8)) {
            Map<?, ?> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (String) ((Map<?, ?>) parsed.get("env")).get("EDIT_URL");
        }
    }

    /** The value GitHub gives an expression such as {@code ${{ github.repository }}} in this run. */
    private static String fill(String expression) {
        String value = expression;
        for (Map.Entry<String, String> e : CONTEXT.entrySet()) {
            value = value.replace("${{ " + e.getKey() + " }}", e.getValue());
        }
        assertTrue(!value.contains("${{"), "every expression is known: " + value);
        return value;
    }
}
