package nl.noordoostpolder.ivb.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * Measures the search in headless Chromium, on the real baked site and on generated sites, in one run: the bytes
 * a reader downloads before the results of a first search are shown and complete (cold cache, arriving from the
 * search field in the header as {@code zoeken.html?q=...}), and the time from a keystroke to the results.
 * <p>
 * Run with {@code bench/search/run.sh}; arguments: project folder, numbers of generated pages (comma separated, 0
 * for none), work folder. Not a test: timings depend on the machine.
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("jongeren", "nepnieuws", "evenementen", "jongere criminaliteit",
            "jongeern", "signalen", "veiligheid beleid", "presentatie");

    /**
     * Records, from before any page script runs, when the first file of the index is loaded (the form is ready),
     * when the first result is in the list, and when the results are complete (snippets filled in: the list has
     * data-for and is not busy).
     */
    private static final String READY_PROBE = """
            new MutationObserver(() => {
              const form = document.querySelector('form[data-index]');
              const list = document.getElementById('search-results');
              const now = performance.now();
              if (form && form.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = now;
              if (list && list.children.length && window.__firstAt === undefined) window.__firstAt = now;
              if (list && list.children.length && window.__completeAt === undefined && list.dataset.for !== undefined
                  && list.getAttribute('aria-busy') !== 'true' && list.dataset.for === form.dataset.query) {
                window.__completeAt = now;
              }
            }).observe(document, { subtree: true, childList: true, attributes: true,
                                   attributeFilter: ['data-state', 'data-for', 'aria-busy'] });
            """;

    /**
     * Times each keystroke from the input event (captured before the page's own listener): to the results in the
     * DOM, to the next frame, and to the results complete with their snippets (data-for set, list not busy).
     */
    private static final String KEY_PROBE = """
            window.__times = [];
            window.__complete = [];
            let t0 = null;
            let tc = null;
            const list = document.getElementById('search-results');
            document.addEventListener('input', () => { t0 = tc = performance.now(); }, true);
            new MutationObserver(() => {
              if (t0 === null) return;
              const start = t0; const t1 = performance.now(); t0 = null;
              requestAnimationFrame(() => window.__times.push([t1 - start, performance.now() - start]));
            }).observe(list, { childList: true });
            new MutationObserver(() => {
              if (tc === null || list.getAttribute('aria-busy') === 'true' || list.dataset.for === undefined) return;
              if (!list.children.length) { tc = null; return; }
              window.__complete.push(performance.now() - tc); tc = null;
            }).observe(list, { attributes: true, attributeFilter: ['data-for', 'aria-busy'] });
            """;

    /** Time given to each keystroke before the next, longer than any keystroke took. */
    private static final long KEY_PAUSE_MS = 150;

    /** Each query is typed this many times, key by key. */
    private static final int ROUNDS = 3;

    record Transfer(String path, long transferSize, long bodySize, long gzipSize, double end) {
    }

    public static void main(String[] args) throws Exception {
        // Answer small files at once, as web servers do (TCP_NODELAY): without it the JDK server's responses wait
        // for the browser's delayed ACK, some 40 ms per file, which a split index with many small files would pay
        // over and over where no real host makes it wait.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Integer> sizes = java.util.Arrays.stream((args.length > 1 ? args[1] : "1000").split("[, ]+"))
                .map(Integer::parseInt).filter(n -> n > 0).toList();
        Path work = Path.of(args.length > 2 ? args[2] : project.resolve("target/bench-search").toString());
        Path real = project.resolve("target/site");
        if (!Files.isRegularFile(real.resolve(SearchIndexWriter.FILE_NAME))) {
            throw new IllegalStateException("bake the real site first: mvn -B -DskipTests package");
        }
        List<String> bakes = new ArrayList<>();
        for (int pages : sizes) {
            Path generatedSrc = work.resolve("generated-src-" + pages);
            new BenchSiteGenerator(project.resolve("content"), 42).write(project, generatedSrc, pages);
            long bakeStart = System.nanoTime();
            try (Bakery bakery = new Bakery(generatedSrc, BakeOptions.defaults())) {
                bakery.build(work.resolve("generated-" + pages));
            }
            bakes.add(String.format(Locale.ROOT, "baked %d generated pages in %.1f s", pages, (System.nanoTime() - bakeStart) / 1e9));
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Chromium headless, %s, %d cores, %s, load average before: %s%n%n",
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now(),
                loadAverage()));
        report.append(measure("real site", real));
        for (int pages : sizes) {
            report.append(measure("generated, " + pages + " pages", work.resolve("generated-" + pages)));
        }
        bakes.forEach(b -> report.append("- ").append(b).append('\n'));
        report.append(String.format(Locale.ROOT, "%nload average after: %s%n", loadAverage()));
        System.out.println(report);
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.md"), report.toString());
    }

    static String measure(String name, Path site) throws IOException {
        ChromeDriver driver = HeadlessChromium.start();
        try (StaticSiteServer server = new StaticSiteServer(site, "/ivb/")) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", READY_PROBE));
            String first = QUERIES.get(0);
            driver.get(server.baseUrl() + "zoeken.html?q=" + URLEncoder.encode(first, StandardCharsets.UTF_8));
            SearchPage.waitUntil(() -> driver.executeScript("return window.__completeAt") != null, "the first results");
            Map<String, Double> at = new java.util.LinkedHashMap<>();
            for (String mark : List.of("readyAt", "firstAt", "completeAt")) {
                at.put(mark, ((Number) driver.executeScript("return window.__" + mark)).doubleValue());
            }
            List<Transfer> transfers = transfers(driver, server, site);
            int shown = driver.findElements(By.cssSelector("#search-results > li")).size();

            driver.executeScript(KEY_PROBE);
            driver.executeCdpCommand("Performance.enable", Map.of("timeDomain", "threadTicks"));
            WebElement input = driver.findElement(By.id("search-q"));
            List<List<double[]>> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<double[]> times = new ArrayList<>();
                for (String query : QUERIES) {
                    times.addAll(typeAndTime(driver, input, query));
                }
                rounds.add(times);
            }
            // the same keystrokes into a field without any script of its own: what typing itself costs
            driver.executeScript("""
                    const field = Object.assign(document.createElement('input'), { id: 'bench-plain', type: 'text' });
                    document.querySelector('main').prepend(field);""");
            WebElement plain = driver.findElement(By.id("bench-plain"));
            List<Double> baseline = new ArrayList<>();
            for (String query : QUERIES) {
                plain.clear();
                for (char c : query.toCharArray()) {
                    baseline.add(keystrokeCpu(driver, plain, c));
                }
            }
            return report(name, site, transfers, at, shown, rounds, baseline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            driver.quit();
        }
    }

    /**
     * Types a query key by key into an empty field. For each keystroke that changed the results: wall time from the
     * input event to the results in the DOM and to the next frame; and the CPU time the page's main thread spent on
     * every keystroke (Chromium's ThreadTime metric: input handling, search, DOM, layout and paint), which other load
     * on the machine does not inflate.
     */
    private static List<double[]> typeAndTime(ChromeDriver driver, WebElement input, String query) throws InterruptedException {
        input.clear();
        driver.executeScript("window.__times = []; window.__complete = []");
        List<double[]> cpu = new ArrayList<>();
        for (char c : query.toCharArray()) {
            cpu.add(new double[] {keystrokeCpu(driver, input, c)});
        }
        SearchPage.waitUntil(() -> query.equals(driver.executeScript(
                "return new URLSearchParams(location.search).get('q')")), "the query " + query);
        SearchPage.waitUntil(() -> Boolean.TRUE.equals(driver.executeScript("""
                const list = document.getElementById('search-results');
                return list.getAttribute('aria-busy') !== 'true'
                    && list.dataset.for === document.querySelector('form[data-index]').dataset.query""")),
                "the results of " + query + " to be complete");
        @SuppressWarnings("unchecked")
        List<List<Number>> t = (List<List<Number>>) driver.executeScript("return window.__times");
        @SuppressWarnings("unchecked")
        List<Number> complete = (List<Number>) driver.executeScript("const c = window.__complete; window.__complete = []; return c");
        List<double[]> out = new ArrayList<>();
        t.forEach(p -> out.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue(), Double.NaN, Double.NaN}));
        cpu.forEach(c -> out.add(new double[] {Double.NaN, Double.NaN, c[0], Double.NaN}));
        complete.forEach(c -> out.add(new double[] {Double.NaN, Double.NaN, Double.NaN, c.doubleValue()}));
        return out;
    }

    /** Main-thread CPU milliseconds of the page for one keystroke into a field. */
    private static double keystrokeCpu(ChromeDriver driver, WebElement field, char c) throws InterruptedException {
        double t0 = threadTime(driver);
        field.sendKeys(String.valueOf(c));
        Thread.sleep(KEY_PAUSE_MS); // no polling: scripts run from here would count as the page's CPU time
        return (threadTime(driver) - t0) * 1000;
    }

    @SuppressWarnings("unchecked")
    private static double threadTime(ChromeDriver driver) {
        Map<String, Object> result = driver.executeCdpCommand("Performance.getMetrics", Map.of());
        for (Map<String, Object> m : (List<Map<String, Object>>) result.get("metrics")) {
            if ("ThreadTime".equals(m.get("name"))) {
                return ((Number) m.get("value")).doubleValue();
            }
        }
        throw new IllegalStateException("Chromium reports no ThreadTime metric");
    }

    @SuppressWarnings("unchecked")
    private static List<Transfer> transfers(ChromeDriver driver, StaticSiteServer server, Path site) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) driver.executeScript("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize, end: e.responseEnd}));""");
        List<Transfer> list = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            String url = (String) e.get("name");
            if (!url.startsWith(server.baseUrl())) {
                throw new IllegalStateException("request to another site: " + url);
            }
            String path = URI.create(url).getPath().substring("/ivb/".length());
            Path file = site.resolve(path.isEmpty() ? "index.html" : path);
            list.add(new Transfer(path, ((Number) e.get("transfer")).longValue(), ((Number) e.get("body")).longValue(),
                    gzipSize(file), ((Number) e.get("end")).doubleValue()));
        }
        return list;
    }

    private static boolean isSearchFile(String path) {
        return path.startsWith("js/search") || path.startsWith("vendor/") || path.startsWith("search-index");
    }

    private static String report(String name, Path site, List<Transfer> transfers, Map<String, Double> at, int shown,
                                 List<List<double[]>> rounds, List<Double> baseline) throws IOException {
        StringBuilder s = new StringBuilder("### " + name + "\n\n| file | bytes sent | body | if the host gzips text (-6) |\n|---|---:|---:|---:|\n");
        long[] all = new long[3];
        long[] first = new long[3];
        long[] search = new long[2];
        int texts = 0;
        long[] textBytes = new long[3];
        for (Transfer t : transfers) {
            long[] sizes = {t.transferSize(), t.bodySize(), t.gzipSize()};
            boolean text = t.path().contains("/p/");
            if (text) {
                texts++;
                for (int i = 0; i < 3; i++) {
                    textBytes[i] += sizes[i];
                }
            } else {
                s.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", t.path(), sizes[0], sizes[1], sizes[2]));
            }
            for (int i = 0; i < 3; i++) {
                all[i] += sizes[i];
                if (t.end() <= at.get("firstAt")) {
                    first[i] += sizes[i];
                }
            }
            if (isSearchFile(t.path())) {
                search[0] += sizes[1];
                search[1] += sizes[2];
            }
        }
        if (texts > 0) {
            s.append(String.format(Locale.ROOT, "| texts of the %d pages shown (search-index/.../p/*.json.gz) | %,d | %,d | %,d |%n",
                    texts, textBytes[0], textBytes[1], textBytes[2]));
        }
        s.append(String.format(Locale.ROOT, "| **all, until the first results are complete** | **%,d** | **%,d** | **%,d** |%n", all[0], all[1], all[2]));
        s.append(String.format(Locale.ROOT, "| all, until the first result is shown | %,d | %,d | %,d |%n", first[0], first[1], first[2]));
        s.append(String.format(Locale.ROOT, "| search files only (scripts, library, stemmer, index) | | %,d | %,d |%n%n", search[0], search[1]));
        s.append(indexFiles(site));
        s.append(String.format(Locale.ROOT, "- first file of the index loaded: %.0f ms after navigation start; first result shown at %.0f ms; "
                + "%d results complete with snippets at %.0f ms%n", at.get("readyAt"), at.get("firstAt"), shown, at.get("completeAt")));
        Map<String, List<double[]>> groups = new java.util.LinkedHashMap<>();
        groups.put("first round (shards and texts fetched while typing)", rounds.get(0));
        groups.put("rounds 2-" + rounds.size() + " (shards loaded, texts mostly loaded)",
                rounds.subList(1, rounds.size()).stream().flatMap(List::stream).toList());
        groups.put("all " + rounds.size() + " rounds", rounds.stream().flatMap(List::stream).toList());
        groups.forEach((label, times) -> {
            double[] dom = column(times, 0);
            double[] frame = column(times, 1);
            double[] complete = column(times, 3);
            s.append(String.format(Locale.ROOT, "- keystroke to results, %s (%d keystrokes that changed the results): in the DOM median %.1f / p95 %.1f / max %.1f ms; "
                    + "next frame median %.1f / p95 %.1f ms; complete with snippets median %.1f / p95 %.1f / max %.1f ms%n",
                    label, dom.length, pct(dom, 50), pct(dom, 95), pct(dom, 100), pct(frame, 50), pct(frame, 95),
                    pct(complete, 50), pct(complete, 95), pct(complete, 100)));
        });
        double[] cpu = column(rounds.stream().flatMap(List::stream).toList(), 2);
        double[] base = baseline.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        s.append(String.format(Locale.ROOT, "- main-thread CPU per keystroke (%d keystrokes): median %.1f ms, p95 %.1f ms, max %.1f ms; "
                + "the same keys into a field without script: median %.1f ms, p95 %.1f ms%n%n",
                cpu.length, pct(cpu, 50), pct(cpu, 95), pct(cpu, 100), pct(base, 50), pct(base, 95)));
        return s.toString();
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(t -> t[i]).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    /** Sizes of the index files as written: the first file, the shards and the page texts. */
    static String indexFiles(Path site) throws IOException {
        IndexFile index = IndexFile.read(site);
        Path data = site.resolve(index.dataFolder());
        long[] shards = sizes(data.resolve("w"), ".json.gz");
        long[] texts = sizes(data.resolve("p"), ".json.gz");
        long shardTotal = java.util.Arrays.stream(shards).sum();
        long textTotal = java.util.Arrays.stream(texts).sum();
        return String.format(Locale.ROOT, "- index: %d pages, %d parts; first file %,d bytes (%,d gzipped); %d shards, gzipped %,d bytes in all, "
                + "median %,d, largest %,d; %d page texts, gzipped %,d bytes in all, median %,d, largest %,d%n",
                index.pages().size(), index.rows().size(), Files.size(site.resolve(SearchIndexWriter.FILE_NAME)),
                Files.size(site.resolve(SearchIndexWriter.COMPRESSED_FILE_NAME)), shards.length, shardTotal,
                pct(shards, 50), shards.length == 0 ? 0 : shards[shards.length - 1], texts.length, textTotal, pct(texts, 50),
                texts.length == 0 ? 0 : texts[texts.length - 1]);
    }

    private static long[] sizes(Path folder, String suffix) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).mapToLong(f -> f.toFile().length()).sorted().toArray();
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** What a host that gzips text sends: already compressed files as they are. */
    static long gzipSize(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        if (file.toString().endsWith(".gz")) {
            return file.toFile().length();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(Files.readAllBytes(file));
            }
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
