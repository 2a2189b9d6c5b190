package nl.noordoostpolder.ivb.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.LinkChecker;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.DocumentReader;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.validate.ReferenceValidator;

/**
 * Seeded random inputs for the header parser, the file reader, the link checker and the whole bake: whatever comes
 * in, the answer is a site or problems printed as {@code file:line: error: message}, never another exception, and a
 * site that bakes carries no active content. Each run is bounded in time; every input is made from the seed and its
 * number, so a failure names what to replay ({@code -Divb.fuzz.seed=S}; {@code -Divb.fuzz.scale=F} runs each part
 * F times as long).
 * <p>
 * Jazzer is not used: it would have to be downloaded as an agent, and a seeded generator in JUnit runs anywhere.
 */
class HostileFuzzTest {

    private static final Pattern PROBLEM = Pattern.compile("^[^:]+(:\\d+)?: error: .+");
    private static final long SEED = Long.getLong("ivb.fuzz.seed", 20240115L);
    /** Scales the time of every part: 1.0 runs about 25 seconds in all, after Asciidoctor has started. */
    private static final double SCALE = Double.parseDouble(System.getProperty("ivb.fuzz.scale", "1.0"));

    private static final String[] TYPES = {"theme", "trend", "session", "milestone", "page", "", "Trend", "blog"};
    private static final String[] HOSTILE_LINES = {"= ", "=", "==", "= Titel", ":jbake-type:", ":jbake-type trend",
            ":jbake-", ":jbake-:", "::", ":jbake-date: 2024-02-30", ":jbake-date: 31-12-2023", ":jbake-date: 0000-01-01",
            ":jbake-date: 99999-01-01", ":jbake-order: 99999999999999999999", ":jbake-order: -0", ":jbake-order: 1e3",
            ":jbake-period: winter 0000", ":jbake-period: 2024-00", ":jbake-period: voorjaar 99999",
            ":jbake-period: 2024-02-29", ":jbake-status: published", ":jbake-status:", ":jbake-status: draft",
            ":jbake-theme: thema-a", ":jbake-theme: {x}", ":jbake-themes: ,,,", ":jbake-themes: thema-a, thema-a",
            ":jbake-session: sessie-a", ":jbake-progress: done", ":jbake-summary: <script>alert(1)</script>",
            ":jbake-summary: {gemeente}", ":jbake-summary:", "// commentaar", "////", "----", "++++", "|===", "",
            "\u0000", "\uFEFF= Titel", "\u202Eevil", "\u00e9\u00e8\u00ea", "\t", " ", "\\", "{", "}", "[[x]]",
            ":toc:", ":attribute-missing: skip", "include::/etc/passwd[]", "include::../../x[]", "ifdef::x[]",
            "x".repeat(5000), ":jbake-summary: " + "a".repeat(400), "= " + "<".repeat(100)};
    private static final String[] BODY_SNIPPETS = {"Tekst.", "== Kop", "=== Sub", "* punt", "** punt", ". stap",
            "[[anker]]", "<<anker>>", "<<nergens>>", "xref:trend-a.adoc[]", "xref:../themes/thema-a.adoc#kop[x]",
            "link:https://example.org[x]", "link:javascript:alert(1)[x]", "link:JAVA&#x09;SCRIPT:x[x]",
            "link:data:text/html,x[x]", "link:../../../etc/passwd[x]", "link:/absoluut.html[x]", "image::x.png[x]",
            "image::https://tracker.example/p.png[x]", "image::../../../etc/hostname[x]", "pass:[<b>vet</b>]",
            "pass:[<img src=x onerror=alert(1)>]", "++++", "<script>alert(1)</script>", "<p onclick=\"x()\">p</p>",
            "++++", "----", "====", "|===", "a|include::/etc/passwd[]", "include::_bestaat-niet.adoc[]",
            "include::/etc/passwd[]", "{onbekend}", "\\{letterlijk}", ":x: pass:[<script>]", "{x}", "NOTE: let op",
            "footnote:[<script>]", "video::x[youtube]", "[cols=\"1,1\"]", "|a |b", "!===", "image:x.png[x,onerror=y]",
            "link:https://x[x,role=\"a\\\" onclick=\\\"y\"]", "[.\"onmouseover=x\"]#tekst#", "++<i>++", "+++<u>+++",
            "&#106;avascript:x", "`code`", "*vet*", "_schuin_", "<<<", "'''", "// commentaar", "////", "ifeval::[1==1]",
            "endif::[]", "|", "\u0000", "\uFFFD"};
    /** Body text that bakes on its own, some of it with markup that must come out as text. */
    private static final String[] BENIGN_SNIPPETS = {"Tekst.", "=== Sub", "* punt", ". stap", "*vet* en _schuin_",
            "`code`", "NOTE: let op", "link:https://example.org[x]", "xref:trend-a.adoc[Trend A]",
            "xref:../themes/thema-a.adoc#in-het-kort[thema]", "\\{letterlijk}", "footnote:[<script>x</script>]",
            "<script>alert(1)</script> als tekst", "<p onclick=\"x()\">p</p> als tekst", "&#106;avascript:x",
            "pass:[<b>vet</b>]", "[.\"onmouseover=x\"]#tekst#", "[\"<img src=x onerror=y>\"]#t#", "mailto:a@b.nl[mail]",
            "https://example.org/?a=<script>", "[[eigen-anker]]Tekst <<eigen-anker>>.", "{empty}", "++<i>schuin</i>++",
            ".Titel <script>x</script>\n[source,html]\n----\n<script>alert(1)</script>\n----"};
    private static final String[] LINK_PIECES = {"", "#", "#kop", "#in het kort", "../", "..", ".", "/", "//", "\\",
            "http://", "https://example.org/", "javascript:", "mailto:a@b.nl", "data:,x", "%", "%zz", "%2e%2e/", "?q=1",
            "a b", "themes/thema-a.html", "../themes/thema-a.html", "index.html", "trends/", "404.html", ":", "::", "[",
            "]", "{", "}", "|", "\u00e9", "\u0000", "\t", "\n", "x".repeat(300), "css/site.css", "file:///etc/passwd"};

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String validPage(Random r) {
        return validPage(r, TYPES[r.nextInt(5)]);
    }

    private static String validPage(Random r, String type) {
        StringBuilder s = new StringBuilder("= Pagina " + r.nextInt(100) + "\n:jbake-type: " + type
                + "\n:jbake-status: published\n:jbake-date: 2024-01-15\n:jbake-summary: Een zin.\n");
        switch (type) {
            case "theme" -> s.append(":jbake-order: 1\n");
            case "trend" -> s.append(":jbake-theme: thema-a\n:jbake-order: 2\n");
            case "session" -> s.append(":jbake-themes: thema-a\n:jbake-period: 2023-10-31\n");
            case "milestone" -> s.append(":jbake-period: voorjaar 2024\n:jbake-progress: done\n");
            default -> { }
        }
        return s.append("\n== Kop\n\nTekst.\n").toString();
    }

    /** A valid page bent by a few random edits: lines removed, doubled, swapped or replaced, text cut or garbled. */
    private static String mutate(String text, Random r, String[] snippets) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int i = r.nextInt(lines.size());
            switch (r.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> lines.add(i, pick(r, snippets));
                case 3 -> lines.set(i, pick(r, snippets));
                case 4 -> {
                    String line = lines.get(i);
                    if (!line.isEmpty()) {
                        int at = r.nextInt(line.length());
                        lines.set(i, line.substring(0, at) + (char) r.nextInt(0x3000) + line.substring(at + 1));
                    }
                }
                case 5 -> {
                    int j = r.nextInt(lines.size());
                    String tmp = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, tmp);
                }
                default -> {
                    String all = String.join("\n", lines);
                    return all.substring(0, r.nextInt(all.length() + 1));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join(r.nextInt(10) == 0 ? "\r\n" : "\n", lines);
    }

    /** Runs {@code body} for about {@code seconds} on inputs numbered from 0; returns how many ran. */
    private static int forAWhile(String part, double seconds, Consumer<Random> body) {
        long millis = (long) (seconds * SCALE * 1000);
        long end = System.nanoTime() + millis * 1_000_000;
        int n = 0;
        while (System.nanoTime() < end) {
            long seed = SEED * 1_000_003L + n;
            try {
                body.accept(new Random(seed));
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                throw new AssertionError(part + ": input " + n + " (-Divb.fuzz.seed=" + SEED + ") failed: " + e, e);
            }
            n++;
        }
        System.out.printf("fuzz %s: %d inputs in %d ms%n", part, n, millis);
        return n;
    }

    private static void assertProblemLines(List<Problem> problems) {
        for (Problem p : problems) {
            assertTrue(PROBLEM.matcher(p.toString()).matches(), "not a file:line: error: line: " + p);
            assertTrue(p.toString().lines().count() == 1, "more than one line: " + p);
        }
    }

    @Test
    void headersEitherReadOrGiveFileLineErrors() {
        String[] paths = {"content/trends/x.adoc", "content/x.adoc", "content/themes/Een Thema.adoc",
                "content/milestones/m\u00e9.adoc", "content/sessions/s.adoc", "content/a/b/c.adoc"};
        int n = forAWhile("headers", 4, r -> {
            List<Document> docs = new ArrayList<>();
            Problems problems = new Problems();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                String path = pick(r, paths);
                String text = mutate(validPage(r), r, HOSTILE_LINES);
                DocumentReader.read(SourceFile.of(Path.of(path), path, text.replace("\r\n", "\n")), problems)
                        .ifPresent(docs::add);
            }
            ReferenceValidator.check(docs, problems);
            assertProblemLines(problems.list());
        });
        assertTrue(n > 100, "only " + n + " inputs ran");
    }

    @Test
    void anyBytesEitherDecodeOrGiveOneFileLineError() throws IOException {
        Path dir = Files.createTempDirectory("ivb-fuzz-bytes-");
        try {
            Path file = dir.resolve("x.adoc");
            forAWhile("bytes", 2, r -> {
                byte[] bytes = mutate(validPage(r), r, HOSTILE_LINES).getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < r.nextInt(4) && bytes.length > 0; k++) {
                    bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
                }
                try {
                    Files.write(file, bytes);
                    nl.noordoostpolder.ivb.source.SourceReader.read(file, "content/x.adoc");
                } catch (ContentException e) {
                    assertTrue(e.problems().size() == 1, e.getMessage());
                    assertProblemLines(e.problems());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            Workspace.delete(dir);
        }
    }

    @Test
    void anyLinkIsCheckedWithoutAnException() throws IOException {
        HostileCase base = new HostileCase("fuzz-links", HostileSourcesTest.casesRoot().resolve("_base"), 0, List.of(), "");
        try (Workspace ws = Workspace.create(SiteUnderTest.projectDir(), HostileSourcesTest.casesRoot().resolve("_base"),
                base)) {
            Problems loading = new Problems();
            List<Document> docs = ContentLoader.load(SourceTree.scan(ws.source(), loading), loading);
            loading.throwIfAny();
            SiteModel site = new SiteModel(docs);
            Path out = Files.createDirectories(ws.root().resolve("links"));
            SiteSettings settings = new SiteSettings("T", "P", "https://example.org/ivb/", "");
            forAWhile("links", 4, r -> {
                try {
                    for (Document doc : docs) {
                        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>x</title>");
                        if (r.nextInt(3) == 0) {
                            html.append("<link rel=\"stylesheet\" href=\"").append(link(r)).append("\">");
                        }
                        html.append("</head><body><h2 id=\"kop\">Kop</h2><div class=\"page-body\">");
                        for (int k = 0; k < 1 + r.nextInt(4); k++) {
                            html.append(r.nextBoolean() ? "<a href=\"" : "<img src=\"").append(link(r)).append("\">");
                        }
                        html.append("</div><a href=\"").append(link(r)).append("\">t</a></body></html>");
                        Path file = out.resolve(doc.getUrl());
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, html, StandardCharsets.UTF_8);
                    }
                    Problems problems = new Problems();
                    new LinkChecker().apply(site, new BakedSite(out, java.util.Map.of()), settings, problems);
                    assertProblemLines(problems.list());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static String link(Random r) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            s.append(pick(r, LINK_PIECES));
        }
        return s.toString().replace("\"", "&quot;").replace("<", "&lt;");
    }

    @Test
    void anyPageEitherBakesSafelyOrGivesFileLineErrors() throws IOException {
        HostileCase base = new HostileCase("fuzz-bake", HostileSourcesTest.casesRoot().resolve("_base"), 0, List.of(), "");
        try (Workspace ws = Workspace.create(SiteUnderTest.projectDir(), HostileSourcesTest.casesRoot().resolve("_base"),
                base); Bakery bakery = new Bakery(ws.source(), BakeOptions.defaults())) {
            Path page = ws.source().resolve("content/trends/fuzz.adoc");
            bakery.build(ws.output()); // starts Asciidoctor outside the timed part
            int[] baked = {0};
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            int n = forAWhile("bake", 15, r -> {
                StringBuilder body = new StringBuilder(validPage(r, "trend"));
                for (int k = 0; k < 1 + r.nextInt(3); k++) {
                    body.append('\n').append(pick(r, r.nextInt(3) == 0 ? BODY_SNIPPETS : BENIGN_SNIPPETS)).append('\n');
                }
                // half the pages only get extra text, so that some bake and their output is checked too
                String text = r.nextBoolean() ? body.toString() : mutate(body.toString(), r, BODY_SNIPPETS);
                try {
                    Files.writeString(page, text, StandardCharsets.UTF_8);
                    String before = ws.fingerprint();
                    try {
                        bakery.build(ws.output());
                        baked[0]++;
                        SiteSafety.assertNoActiveContent(ws.output());
                    } catch (ContentException e) {
                        e.problems().forEach(p -> kinds.merge(
                                p.message().substring(0, Math.min(50, p.message().length())), 1, Integer::sum));
                        assertProblemLines(e.problems());
                        assertTrue(!e.problems().isEmpty());
                        if (!before.equals(ws.fingerprint())) {
                            fail("a failed bake changed the previous site");
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.printf("fuzz bake: %d of %d pages baked; problems found: %s%n", baked[0], n, kinds);
            assertTrue(baked[0] > 0, "no page baked, so the safety of baked output was never checked");
            assertTrue(n >= 3, "only " + n + " bakes ran");
        }
    }
}
