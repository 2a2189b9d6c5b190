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
 * Measures the search in headless Chromium, on the real baked site and on a generated site, in one run: the bytes
 * a reader downloads before the first result shows (cold cache, arriving from the search field in the header as
 * {@code zoeken.html?q=...}), and the time from a keystroke to the results once the index is loaded.
 * <p>
 * Run with {@code bench/search/run.sh}; arguments: project folder, number of generated pages, work folder.
 * Not a test: timings depend on the machine.
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of("jongeren", "nepnieuws", "evenementen", "jongere criminaliteit",
            "jongeern", "signalen", "veiligheid beleid", "presentatie");

    /** Records, from before any page script runs, when the search index is ready. */
    private static final String READY_PROBE = """
            new MutationObserver((records, observer) => {
              const form = document.querySelector('form[data-index]');
              if (form && form.dataset.state === 'ready') { window.__readyAt = performance.now(); observer.disconnect(); }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
            """;

    /** Times each keystroke: input event (captured before the page's own listener) to results in the DOM and to the next frame. */
    private static final String KEY_PROBE = """
            window.__times = [];
            let t0 = null;
            document.addEventListener('input', () => { t0 = performance.now(); }, true);
            new MutationObserver(() => {
              if (t0 === null) return;
              const start = t0; const t1 = performance.now(); t0 = null;
              requestAnimationFrame(() => window.__times.push([t1 - start, performance.now() - start]));
            }).observe(document.getElementById('search-results'), { childList: true });
            """;

    /** Time given to each keystroke before the next, longer than any keystroke took. */
    private static final long KEY_PAUSE_MS = 150;

    /** Each query is typed this many times, key by key. */
    private static final int ROUNDS = 3;

    record Transfer(String path, long transferSize, long bodySize, long gzipSize) {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Path.of(args.length > 2 ? args[2] : project.resolve("target/bench-search").toString());
        Path real = project.resolve("target/site");
        if (!Files.isRegularFile(real.resolve("search-index.json"))) {
            throw new IllegalStateException("bake the real site first: mvn -B -DskipTests package");
        }
        Path generated = work.resolve("generated-site");
        if (pages > 0) {
            Path generatedSrc = work.resolve("generated-src");
            new BenchSiteGenerator(project.resolve("content"), 42).write(project, generatedSrc, pages);
            long bakeStart = System.nanoTime();
            try (Bakery bakery = new Bakery(generatedSrc, BakeOptions.defaults())) {
                bakery.build(generated);
            }
            System.err.printf(Locale.ROOT, "baked %d generated pages in %.1f s%n", pages, (System.nanoTime() - bakeStart) / 1e9);
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Chromium headless, %s, %d cores, %s, load average before: %s%n%n",
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now(),
                loadAverage()));
        report.append(measure("real site", real));
        if (pages > 0) {
            report.append(measure("generated, " + pages + " pages", generated));
        }
        report.append(String.format(Locale.ROOT, "load average after: %s%n", loadAverage()));
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
            SearchPage.waitUntil(() -> !driver.findElements(By.cssSelector("#search-results > li")).isEmpty(), "the first result");
            double firstResultAt = ((Number) driver.executeScript("return performance.now()")).doubleValue();
            double readyAt = ((Number) driver.executeScript("return window.__readyAt")).doubleValue();
            List<Transfer> transfers = transfers(driver, server, site);

            driver.executeScript(KEY_PROBE);
            driver.executeCdpCommand("Performance.enable", Map.of("timeDomain", "threadTicks"));
            WebElement input = driver.findElement(By.id("search-q"));
            List<double[]> times = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String query : QUERIES) {
                    times.addAll(typeAndTime(driver, input, query));
                }
            }
            // the same keystrokes into the header's search field, which has no script: what typing itself costs
            WebElement plain = driver.findElement(By.id("site-search-q"));
            List<Double> baseline = new ArrayList<>();
            for (String query : QUERIES) {
                plain.clear();
                for (char c : query.toCharArray()) {
                    baseline.add(keystrokeCpu(driver, plain, c));
                }
            }
            return report(name, site, transfers, readyAt, firstResultAt, times, baseline);
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
        driver.executeScript("window.__times = []");
        List<double[]> cpu = new ArrayList<>();
        for (char c : query.toCharArray()) {
            cpu.add(new double[] {keystrokeCpu(driver, input, c)});
        }
        SearchPage.waitUntil(() -> query.equals(driver.executeScript(
                "return new URLSearchParams(location.search).get('q')")), "the query " + query);
        @SuppressWarnings("unchecked")
        List<List<Number>> t = (List<List<Number>>) driver.executeScript("return window.__times");
        List<double[]> out = new ArrayList<>();
        t.forEach(p -> out.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue(), Double.NaN}));
        cpu.forEach(c -> out.add(new double[] {Double.NaN, Double.NaN, c[0]}));
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
                  .map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize}));""");
        List<Transfer> list = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            String url = (String) e.get("name");
            if (!url.startsWith(server.baseUrl())) {
                throw new IllegalStateException("request to another site: " + url);
            }
            String path = URI.create(url).getPath().substring("/ivb/".length());
            Path file = site.resolve(path.isEmpty() ? "index.html" : path);
            list.add(new Transfer(path, ((Number) e.get("transfer")).longValue(), ((Number) e.get("body")).longValue(),
                    gzipSize(file)));
        }
        return list;
    }

    private static boolean isSearchFile(String path) {
        return path.startsWith("js/search") || path.startsWith("vendor/") || path.startsWith("search-index");
    }

    private static String report(String name, Path site, List<Transfer> transfers, double readyAt, double firstResultAt,
                                 List<double[]> times, List<Double> baseline) {
        StringBuilder s = new StringBuilder("### " + name + "\n\n| file | bytes sent | body | if the host gzips text (-6) |\n|---|---:|---:|---:|\n");
        long sent = 0;
        long body = 0;
        long gz = 0;
        long searchBody = 0;
        long searchGz = 0;
        for (Transfer t : transfers) {
            s.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", t.path(), t.transferSize(), t.bodySize(), t.gzipSize()));
            sent += t.transferSize();
            body += t.bodySize();
            gz += t.gzipSize();
            if (isSearchFile(t.path())) {
                searchBody += t.bodySize();
                searchGz += t.gzipSize();
            }
        }
        s.append(String.format(Locale.ROOT, "| **all, before the first result** | **%,d** | **%,d** | **%,d** |%n", sent, body, gz));
        s.append(String.format(Locale.ROOT, "| search files only (script, library, stemmer, index) | | %,d | %,d |%n%n", searchBody, searchGz));
        double[] search = times.stream().mapToDouble(t -> t[0]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] frame = times.stream().mapToDouble(t -> t[1]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] cpu = times.stream().mapToDouble(t -> t[2]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        IndexFile index = IndexFile.read(site);
        s.append(String.format(Locale.ROOT, "- index: %d pages, %d sections%n", index.pages().size(), index.rows().size()));
        s.append(String.format(Locale.ROOT, "- index loaded and built: %.0f ms after navigation start; first result shown at %.0f ms%n", readyAt, firstResultAt));
        s.append(String.format(Locale.ROOT, "- keystroke to results in the DOM (%d keystrokes): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                search.length, pct(search, 50), pct(search, 95), pct(search, 100)));
        s.append(String.format(Locale.ROOT, "- keystroke to the next frame: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                pct(frame, 50), pct(frame, 95), pct(frame, 100)));
        double[] base = baseline.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        s.append(String.format(Locale.ROOT, "- main-thread CPU per keystroke (%d keystrokes): median %.1f ms, p95 %.1f ms, max %.1f ms; "
                + "the same keys into a field without script: median %.1f ms, p95 %.1f ms%n%n",
                cpu.length, pct(cpu, 50), pct(cpu, 95), pct(cpu, 100), pct(base, 50), pct(base, 95)));
        return s.toString();
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
