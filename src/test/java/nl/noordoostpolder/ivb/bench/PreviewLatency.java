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
import java.util.function.BooleanSupplier;

/**
 * The preview's edit-to-served time, for the benchmark: starts {@code java -jar target/ivb.jar serve SOURCE}, edits
 * the body of one trend page again and again, and times each save until the preview server serves the page with the
 * new text (polling every 2 ms). The browser reloads on the server's signal at that moment, so this is the time an
 * editor waits, minus the browser's own reload of one page. The first edits warm up the JIT and are not counted.
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
            List<Double> seconds = new ArrayList<>();
            for (int i = 1; i <= WARM_UP + edits; i++) {
                String marker = "Meetwoord" + i + "x" + System.nanoTime();
                long start = System.nanoTime();
                Files.writeString(trend, original + "\nDe bewerking " + marker + " staat hier.\n", StandardCharsets.UTF_8);
                await(Duration.ofMinutes(2), () -> get(http, uri).contains(marker), "edit " + i, output);
                if (i > WARM_UP) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
                Thread.sleep(300);
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%.3f %.3f %.3f%n", sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1));
            System.out.println(seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        } finally {
            Files.writeString(trend, original, StandardCharsets.UTF_8);
            serve.destroy();
            serve.waitFor();
        }
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
            Thread.sleep(2);
        }
    }
}
