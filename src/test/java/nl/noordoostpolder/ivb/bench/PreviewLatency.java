package nl.noordoostpolder.ivb.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview's edit-to-served time, for the benchmark: starts {@code java -jar target/ivb.jar serve SOURCE}, edits
 * one trend page again and again, and times each save until the change has been fetched the way an open browser tab
 * gets it: the tab listens to the preview's event stream and reloads the page when a new build is announced. So this
 * is the time an editor waits, minus the browser's own drawing of one page. The first edits warm up the JIT and are
 * not counted.
 * <p>
 * Usage: {@code java -cp target/test-classes nl.noordoostpolder.ivb.bench.PreviewLatency JAR SOURCE [EDITS] [OPTIONS]};
 * prints the median, minimum and maximum in seconds on one line, and every edit's time on the next. The trend file is
 * put back as it was. Options:
 * <ul>
 * <li>{@code --header}: move the trend to another theme and back ({@code :jbake-theme:}, with an {@code :jbake-order:}
 * that is free there) instead of adding a sentence to its body; an edit is served when both theme pages list the
 * trend where it now belongs, and only there. This is the edit that changes other pages than the one edited.</li>
 * <li>{@code --pause MS}: the wait between edits (default 300).</li>
 * <li>{@code --heap}: after the warm-up and after every tenth of the edits, the live heap after a full GC and the
 * resident set of the JVM that serves (the launcher's child), one line each, and a summary line at the end: does a
 * long editing session leak?</li>
 * <li>{@code --xmx SIZE}: the preview JVM's maximum heap ({@code -Xmx}, through {@code IVB_JAVA_OPTS}).</li>
 * </ul>
 */
public final class PreviewLatency {

    private static final int WARM_UP = 3;

    /** The start of the line the preview prints after each build, up to the time: English or Dutch (the default). */
    private static final Pattern SERVED_IN = Pattern.compile(".* (served|klaar) in ");

    private PreviewLatency() {
    }

    /** The command line: the positional arguments of {@code bench/run.sh}, then options in any order. */
    private record Options(Path jar, Path source, int edits, boolean header, long pauseMillis, boolean heap,
            String xmx) {

        static Options parse(String[] args) {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: PreviewLatency JAR SOURCE [EDITS] [--header] [--pause MS]"
                        + " [--heap] [--xmx SIZE]");
            }
            int i = 2;
            int edits = 9;
            if (args.length > 2 && !args[2].startsWith("--")) {
                edits = Integer.parseInt(args[2]);
                i = 3;
            }
            boolean header = false;
            boolean heap = false;
            long pause = 300;
            String xmx = null;
            for (; i < args.length; i++) {
                switch (args[i]) {
                    case "--header" -> header = true;
                    case "--heap" -> heap = true;
                    case "--pause" -> pause = Long.parseLong(value(args, ++i));
                    case "--xmx" -> xmx = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (edits < 1) {
                throw new IllegalArgumentException("EDITS must be at least 1");
            }
            return new Options(Path.of(args[0]), Path.of(args[1]), edits, header, pause, heap, xmx);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int edits = options.edits();
        Path trend = firstTrend(options.source());
        String original = Files.readString(trend, StandardCharsets.UTF_8);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/";
        Edit edit = options.header() ? HeaderEdit.of(options.source(), trend, original, base)
                : new BodyEdit(trend, original, base);
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", options.jar().toString(), "serve", options.source().toString(),
                "--port", Integer.toString(port)).redirectErrorStream(true);
        if (options.xmx() != null) { // java -jar ivb.jar starts the preview in a second JVM, see cli.Launcher
            launch.environment().merge("IVB_JAVA_OPTS", "-Xmx" + options.xmx(), (was, xmx) -> was + " " + xmx);
        }
        Process serve = launch.start();
        // a long run may well be stopped with Ctrl+C: put the trend back and stop the preview then too
        Thread cleanUp = new Thread(() -> stop(serve, trend, original), "clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(serve, output), "serve-output");
        reader.setDaemon(true);
        reader.start();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base + edit.startPage());
        List<ServeMemory.Sample> samples = new ArrayList<>();
        int every = Math.max(1, edits / 10);
        try {
            await(Duration.ofMinutes(10), () -> get(http, uri).contains("<html"), "the preview to start", output);
            ServeMemory memory = new ServeMemory(previewJvm(serve).pid());
            BlockingQueue<String> announced = listen(http, URI.create(base + "__preview/events"));
            List<Double> seconds = new ArrayList<>();
            for (int i = 1; i <= WARM_UP + edits; i++) {
                long start = System.nanoTime();
                edit.make(i);
                boolean seen = false;
                while (!seen) { // as the browser: reload on each new build announced, until the edit is in
                    String event = announced.poll(2, TimeUnit.MINUTES);
                    if (event == null) {
                        synchronized (output) {
                            throw new IllegalStateException("no new build announced for edit " + i + ":\n"
                                    + String.join("\n", output));
                        }
                    }
                    seen = edit.served(http, i);
                }
                if (i > WARM_UP) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
                int measured = i - WARM_UP;
                if (options.heap() && measured >= 0 && (measured % every == 0 || measured == edits)) {
                    ServeMemory.Sample sample = memory.sample();
                    samples.add(sample);
                    System.out.printf(Locale.ROOT, "heap after GC: %d %.1f rss %.1f%n", measured,
                            mib(sample.heapUsedKb()), mib(sample.rssKb()));
                    System.out.flush();
                }
                Thread.sleep(options.pauseMillis());
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%.3f %.3f %.3f%n", sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1));
            System.out.println(seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
            synchronized (output) {
                List<String> served = output.stream().filter(l -> SERVED_IN.matcher(l).find())
                        .map(l -> SERVED_IN.matcher(l).replaceFirst("")).toList();
                System.out.println("the server's own time from the change it saw to the new page served: "
                        + served.subList(Math.max(0, served.size() - edits), served.size()));
            }
            if (options.heap()) {
                long max = samples.stream().mapToLong(ServeMemory.Sample::heapUsedKb).max().orElseThrow();
                long peakRss = samples.get(samples.size() - 1).peakRssKb(); // the kernel's high-water mark
                System.out.printf(Locale.ROOT, "heap growth after GC: first %.1f MiB, last %.1f MiB, max %.1f MiB;"
                        + " peak RSS %.1f MiB%n", mib(samples.get(0).heapUsedKb()),
                        mib(samples.get(samples.size() - 1).heapUsedKb()), mib(max), mib(peakRss));
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            stop(serve, trend, original);
        }
    }

    /** Puts the trend back as it was and stops the preview. */
    private static void stop(Process serve, Path trend, String original) {
        try {
            Files.writeString(trend, original, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not put back " + trend + ": " + e);
        }
        List<ProcessHandle> children = serve.children().toList();
        serve.destroy(); // the launcher stops its child on the way out; the child is stopped here too in case not
        try {
            serve.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy);
    }

    /**
     * The JVM that runs the preview: {@code java -jar ivb.jar} is a launcher that starts it as its child with the
     * options tuned for the job ({@code cli.Launcher}), unless {@code IVB_NO_FORK} is set.
     */
    private static ProcessHandle previewJvm(Process serve) {
        List<ProcessHandle> children = serve.children().toList();
        if (children.size() > 1) {
            throw new IllegalStateException("more than one child of the launcher: " + children);
        }
        return children.isEmpty() ? serve.toHandle() : children.get(0);
    }

    private static double mib(long kb) {
        return kb / 1024.0;
    }

    /** One kind of edit the benchmark repeats, and how a browser tab would see that it is in. */
    private interface Edit {

        /** The page fetched to know the preview is up. */
        String startPage();

        /** Saves edit number {@code i} (from 1). */
        void make(int i) throws IOException;

        /** Whether the pages the preview serves now show edit {@code i}. */
        boolean served(HttpClient http, int i);
    }

    /** A sentence with a new word at the end of the trend's body: only the trend's own page changes. */
    private static final class BodyEdit implements Edit {

        private final Path trend;
        private final String original;
        private final URI page;
        private String marker;

        BodyEdit(Path trend, String original, String base) {
            this.trend = trend;
            this.original = original;
            this.page = URI.create(base + startPage(trend));
        }

        private static String startPage(Path trend) {
            return "trends/" + trend.getFileName().toString().replaceFirst("\\.adoc$", ".html");
        }

        @Override
        public String startPage() {
            return startPage(trend);
        }

        @Override
        public void make(int i) throws IOException {
            marker = "Meetwoord" + i + "x" + System.nanoTime();
            Files.writeString(trend, original + "\nDe bewerking " + marker + " staat hier.\n", StandardCharsets.UTF_8);
        }

        @Override
        public boolean served(HttpClient http, int i) {
            return get(http, page).contains(marker);
        }
    }

    /**
     * The trend moves to another theme (odd edits) and back (even edits): the pages of both themes change, since a
     * theme page lists its trends. In the other theme it takes an order no trend there has, since two trends of one
     * theme with the same order would fail the build.
     */
    private static final class HeaderEdit implements Edit {

        private static final Pattern THEME = Pattern.compile("(?m)^:jbake-theme:[ \t]*(\\S+)[ \t]*$");
        private static final Pattern ORDER = Pattern.compile("(?m)^:jbake-order:[ \t]*(\\d+)[ \t]*$");

        private final Path trend;
        private final String original;
        private final String moved;
        private final String home;
        private final String away;
        private final String link;
        private final String base;

        private HeaderEdit(Path trend, String original, String moved, String home, String away, String base) {
            this.trend = trend;
            this.original = original;
            this.moved = moved;
            this.home = home;
            this.away = away;
            this.link = "trends/" + trend.getFileName().toString().replaceFirst("\\.adoc$", ".html") + "\"";
            this.base = base;
        }

        static HeaderEdit of(Path source, Path trend, String original, String base) throws IOException {
            Matcher theme = THEME.matcher(original);
            if (!theme.find() || !ORDER.matcher(original).find()) {
                throw new IllegalArgumentException(trend + " has no :jbake-theme: or :jbake-order: line");
            }
            String home = theme.group(1);
            List<String> themes;
            try (var files = Files.list(source.resolve("content/themes"))) {
                themes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".adoc"))
                        .map(n -> n.substring(0, n.length() - ".adoc".length())).sorted().toList();
            }
            String away = themes.stream().filter(t -> !t.equals(home)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--header needs a second theme in " + source));
            int order = 1;
            try (var files = Files.list(trend.getParent())) {
                for (Path other : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                    String text = Files.readString(other, StandardCharsets.UTF_8);
                    Matcher t = THEME.matcher(text);
                    Matcher o = ORDER.matcher(text);
                    if (t.find() && t.group(1).equals(away) && o.find()) {
                        order = Math.max(order, Integer.parseInt(o.group(1)) + 1);
                    }
                }
            }
            String moved = ORDER.matcher(THEME.matcher(original).replaceFirst(":jbake-theme: " + away))
                    .replaceFirst(":jbake-order: " + order);
            return new HeaderEdit(trend, original, moved, home, away, base);
        }

        @Override
        public String startPage() {
            return "themes/" + home + ".html";
        }

        @Override
        public void make(int i) throws IOException {
            Files.writeString(trend, i % 2 == 1 ? moved : original, StandardCharsets.UTF_8);
        }

        @Override
        public boolean served(HttpClient http, int i) {
            String now = i % 2 == 1 ? away : home;
            String before = i % 2 == 1 ? home : away;
            String listed = trendList(get(http, URI.create(base + "themes/" + now + ".html")));
            String left = trendList(get(http, URI.create(base + "themes/" + before + ".html")));
            return listed != null && left != null && listed.contains(link) && !left.contains(link);
        }

        /** The theme page's list of trends ({@code templates/theme.peb}), or null when the page is not there. */
        private static String trendList(String html) {
            int from = html.indexOf("<h2 id=\"trends-kop\"");
            if (from < 0) {
                return null;
            }
            int to = html.indexOf("</section>", from);
            return html.substring(from, to < 0 ? html.length() : to);
        }
    }

    /** The {@code data:} lines of the preview's event stream, as they arrive. */
    private static BlockingQueue<String> listen(HttpClient http, URI events) {
        BlockingQueue<String> announced = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(announced::add));
        return announced;
    }

    private static Path firstTrend(Path source) throws IOException {
        try (var files = Files.list(source.resolve("content/trends"))) {
            return files.filter(p -> p.toString().endsWith(".adoc")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no trend in " + source));
        }
    }

    private static String get(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void readLines(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void await(Duration limit, BooleanSupplier condition, String what, List<String> output)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                synchronized (output) {
                    throw new IllegalStateException("timed out waiting for " + what + ":\n" + String.join("\n", output));
                }
            }
            Thread.sleep(5);
        }
    }
}
