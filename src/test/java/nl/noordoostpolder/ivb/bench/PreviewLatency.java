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

/**
 * The preview's edit-to-served time, for the benchmark: starts {@code java -jar target/ivb.jar serve SOURCE}, edits
 * the body of one trend page again and again, and times each save until the page with the new text has been fetched
 * the way an open browser tab gets it: the tab listens to the preview's event stream and reloads the page when a new
 * build is announced. So this is the time an editor waits, minus the browser's own drawing of one page. The first
 * edits warm up the JIT and are not counted.
 * <p>
 * Usage: {@code java -cp target/test-classes nl.noordoostpolder.ivb.bench.PreviewLatency JAR SOURCE [EDITS]}; prints
 * the median, minimum and maximum in seconds on one line, and every edit's time on the next. The trend file is put
 * back as it was.
 */
public final class PreviewLatency {

    private static final int WARM_UP = 3;

    private PreviewLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path source = Path.of(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        Path trend = firstTrend(source);
        String page = "trends/" + trend.getFileName().toString().replaceFirst("\\.adoc$", ".html");
        String original = Files.readString(trend, StandardCharsets.UTF_8);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "serve", source.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(serve, output), "serve-output");
        reader.setDaemon(true);
        reader.start();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/" + page);
        try {
            await(Duration.ofMinutes(10), () -> get(http, uri).contains("<html"), "the preview to start", output);
            BlockingQueue<String> announced = listen(http, URI.create("http://127.0.0.1:" + port + "/__preview/events"));
            List<Double> seconds = new ArrayList<>();
            for (int i = 1; i <= WARM_UP + edits; i++) {
                String marker = "Meetwoord" + i + "x" + System.nanoTime();
                long start = System.nanoTime();
                Files.writeString(trend, original + "\nDe bewerking " + marker + " staat hier.\n", StandardCharsets.UTF_8);
                boolean seen = false;
                while (!seen) { // as the browser: reload on each new build announced, until the edit is in
                    String event = announced.poll(2, TimeUnit.MINUTES);
                    if (event == null) {
                        throw new IllegalStateException("no new build announced for edit " + i + ":\n" + output);
                    }
                    seen = get(http, uri).contains(marker);
                }
                if (i > WARM_UP) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
                Thread.sleep(300);
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%.3f %.3f %.3f%n", sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1));
            System.out.println(seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
            synchronized (output) {
                List<String> served = output.stream().filter(l -> l.contains(" served in "))
                        .map(l -> l.replaceFirst(".* served in ", "")).toList();
                System.out.println("the server's own time from the change it saw to the new page served: "
                        + served.subList(Math.max(0, served.size() - edits), served.size()));
            }
        } finally {
            Files.writeString(trend, original, StandardCharsets.UTF_8);
            serve.destroy();
            serve.waitFor();
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
