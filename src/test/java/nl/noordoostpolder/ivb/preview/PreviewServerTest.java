package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.management.UnixOperatingSystemMXBean;

import nl.noordoostpolder.ivb.validate.Problem;

/** The preview server on a small folder: what it serves, what it refuses, and how it holds up. Loopback only. */
class PreviewServerTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'">
            <title>Test</title>
            </head>
            <body><p>Hallo</p></body>
            </html>
            """;

    @TempDir
    Path dir;
    Path root;
    LiveSite live;
    PreviewServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        root = dir.resolve("site-1");
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("index.html"), PAGE);
        Files.writeString(root.resolve("404.html"), PAGE.replace("Hallo", "Niet gevonden"));
        Files.writeString(root.resolve("css/site.css"), "body { color: black; }");
        byte[] big = new byte[4 * 1024 * 1024];
        new Random(1).nextBytes(big);
        Files.write(root.resolve("big.pdf"), big);
        Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        live = new LiveSite();
        live.publish(root, HtmlInjection.declaredPolicy(PAGE).orElseThrow());
        server = PreviewServer.start(new InetSocketAddress("127.0.0.1", 0), live, 16);
        port = server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bindsToLoopbackAndServesTheSite() throws IOException {
        assertEquals("127.0.0.1", server.address().getHost());
        RawHttp.Response home = RawHttp.get(port, "/");
        assertEquals(200, home.status());
        assertTrue(home.text().contains("<p>Hallo</p>"));
        RawHttp.Response css = RawHttp.get(port, "/css/site.css");
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
        assertEquals("body { color: black; }", css.text());
    }

    @Test
    void injectsTheReloadScriptIntoHtmlOnlyAndNeverIntoTheFiles() throws IOException {
        String html = RawHttp.get(port, "/index.html").text();
        assertTrue(html.contains("<script src=\"/__preview/reload.js\" data-generation=\"1\" defer></script>\n</head>"), html);
        assertFalse(Files.readString(root.resolve("index.html")).contains("reload.js"));
        assertFalse(RawHttp.get(port, "/css/site.css").text().contains("reload.js"));
        RawHttp.Response script = RawHttp.get(port, "/__preview/reload.js");
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.header("Content-Type"));
        assertTrue(script.text().contains("textContent"));
        assertFalse(script.text().contains("innerHTML"), "the overlay must be built without innerHTML");
    }

    @Test
    void sendsNosniffAndTheSitePolicyWithEveryResponse() throws IOException {
        for (String path : List.of("/", "/css/site.css", "/big.pdf", "/missing", "/../x", "/__preview/errors")) {
            RawHttp.Response r = RawHttp.get(port, path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("default-src 'self'; script-src 'self'; object-src 'none'", r.header("Content-Security-Policy"), path);
        }
        assertEquals("nosniff", RawHttp.request(port, "POST", "/").header("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
            "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "http://127.0.0.1/../secret.txt",
            "/..%5csecret.txt", "/%00", "/etc/passwd", "/%252e%252e/secret.txt", "file:///etc/passwd"})
    void refusesTraversalEncodedVariantsAndAbsolutePaths(String target) throws IOException {
        RawHttp.Response r = RawHttp.get(port, target);
        assertTrue(r.status() == 400 || r.status() == 404, target + " gave " + r.status());
        assertFalse(r.text().contains("TOPSECRET"), target);
        assertFalse(r.text().contains("root:"), target);
    }

    @Test
    void aMissingPageGetsTheSites404Page() throws IOException {
        RawHttp.Response r = RawHttp.get(port, "/bestaat-niet.html");
        assertEquals(404, r.status());
        assertTrue(r.text().contains("Niet gevonden"));
        assertTrue(r.text().contains("/__preview/reload.js"), "the 404 page reloads too");
    }

    @Test
    void aFileTheBuilderMakesOnRequestIsServedOnlyAtItsOwnAddress() throws IOException {
        byte[] pdf = "%PDF-1.6 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        live.onDemand(path -> path.equals("beleid.pdf") ? java.util.Optional.of(pdf) : java.util.Optional.empty());
        RawHttp.Response r = RawHttp.get(port, "/beleid.pdf");
        assertEquals(200, r.status());
        assertEquals("application/pdf", r.header("Content-Type"));
        assertTrue(java.util.Arrays.equals(pdf, r.body()));
        assertEquals(404, RawHttp.get(port, "/ander.pdf").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"})
    void answersOnlyGetAndHead(String method) throws IOException {
        RawHttp.Response r = RawHttp.request(port, method, "/index.html");
        assertEquals(405, r.status(), method);
        assertEquals("GET, HEAD", r.header("Allow"));
        assertTrue(Files.exists(root.resolve("index.html")));
    }

    @Test
    void headSendsTheHeadersWithoutABody() throws IOException {
        RawHttp.Response r = RawHttp.request(port, "HEAD", "/css/site.css");
        assertEquals(200, r.status());
        assertEquals(Long.toString(Files.size(root.resolve("css/site.css"))), r.header("Content-Length"));
        assertEquals(0, r.body().length);
    }

    @Test
    void reportsProblemsAsJsonAndKeepsServingTheLastGoodSite() throws IOException {
        nl.noordoostpolder.ivb.i18n.Language.use(nl.noordoostpolder.ivb.i18n.Language.NL); // the overlay's texts
        live.fail(List.of(new Problem("content/trends/x.adoc", 6, "unknown theme '<script>' (known: a, b).")));
        RawHttp.Response errors = RawHttp.get(port, "/__preview/errors");
        assertEquals("application/json", errors.header("Content-Type"));
        assertEquals("{\"generation\":1,\"ready\":true,\"problems\":[{\"path\":\"content/trends/x.adoc\",\"line\":6,"
                + "\"message\":\"unknown theme '\\u003cscript\\u003e' (known: a, b).\",\"text\":\"content/trends/x.adoc:6: "
                + "error: unknown theme '\\u003cscript\\u003e' (known: a, b).\"}],\"texts\":{\"heading\":\"Er is 1 fout: "
                + "deze pagina is nog de vorige versie\",\"help\":\"Herstel de fout en sla het bestand op. De pagina laadt "
                + "dan vanzelf opnieuw. Wat elke melding betekent, staat in docs/redactie.md.\",\"hide\":\"Verbergen\"}}",
                errors.text());
        assertTrue(RawHttp.get(port, "/").text().contains("Hallo"));
    }

    @Test
    void eventStreamTellsTheBrowserAboutNewBuildsAndProblems() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /__preview/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = RawHttp.readUntil(in, "\"problems\":[]}");
            assertTrue(first.contains("text/event-stream"), first);
            assertTrue(first.contains("event: state\ndata: {\"generation\":1,\"ready\":true,"), first);

            live.fail(List.of(new Problem("content/x.adoc", 2, "the page has no type.")));
            assertTrue(RawHttp.readUntil(in, "the page has no type.").contains("\"line\":2"));

            Path next = dir.resolve("site-2");
            Files.createDirectories(next);
            Files.writeString(next.resolve("index.html"), PAGE.replace("Hallo", "Nieuw"));
            live.publish(next, null);
            assertTrue(RawHttp.readUntil(in, "\"problems\":[]}").contains("\"generation\":2"));
            assertTrue(RawHttp.get(port, "/").text().contains("Nieuw"));
        }
    }

    @Test
    void openEventStreamsDoNotHoldRequestThreads() throws Exception {
        List<Socket> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) { // more tabs than the 16 request threads
                Socket tab = new Socket("127.0.0.1", port);
                tab.setSoTimeout(5000);
                tab.getOutputStream().write("GET /__preview/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                RawHttp.readUntil(tab.getInputStream(), "event: state");
                tabs.add(tab);
            }
            assertEquals(24, server.openEventStreams());
            long start = System.nanoTime();
            assertEquals(200, RawHttp.get(port, "/index.html").status());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        } finally {
            for (Socket tab : tabs) {
                tab.close();
            }
        }
    }

    @Test
    void survivesManyConcurrentClientsAndClientsThatHangUpWithoutLeaking() throws Exception {
        UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        load(20, 100); // warm up: every request thread exists from here on
        awaitQuiet();
        long fdBefore = os.getOpenFileDescriptorCount();
        int threadsBefore = Thread.activeCount();

        AtomicInteger ok = load(20, 1000);
        assertEquals(1000, ok.get(), "every one of 1000 requests from 20 clients got its full answer");
        AtomicInteger hungUp = hangUps(20, 200);
        assertEquals(200, hungUp.get());
        assertEquals(200, RawHttp.get(port, "/index.html").status(), "still serving after the hang-ups");

        awaitQuiet();
        long fdAfter = waitFor(() -> os.getOpenFileDescriptorCount(), fdBefore + 3);
        int threadsAfter = Thread.activeCount();
        assertTrue(fdAfter <= fdBefore + 3, "open files: " + fdBefore + " before, " + fdAfter + " after");
        assertTrue(threadsAfter <= threadsBefore + 1, "threads: " + threadsBefore + " before, " + threadsAfter + " after");
        long httpThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ivb-preview-http-")).count();
        assertTrue(httpThreads <= 16, httpThreads + " request threads");
    }

    /** {@code clients} threads send {@code total} GET requests in all and check each answer in full. */
    private AtomicInteger load(int clients, int total) throws Exception {
        List<String> paths = List.of("/", "/index.html", "/css/site.css", "/missing.html", "/__preview/errors",
                "/__preview/reload.js", "/../secret.txt");
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        run(clients, () -> {
            int i;
            while ((i = next.getAndIncrement()) < total) {
                String path = paths.get(i % paths.size());
                RawHttp.Response r = RawHttp.get(port, path);
                String length = r.header("Content-Length");
                if (r.status() > 0 && (length == null || Integer.parseInt(length) == r.body().length)) {
                    ok.incrementAndGet();
                }
            }
            return null;
        });
        return ok;
    }

    /** Clients that ask for a 4 MB file, read a little of it and reset the connection, or send half a request. */
    private AtomicInteger hangUps(int clients, int total) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        run(clients, () -> {
            int i;
            while ((i = next.getAndIncrement()) < total) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoLinger(true, 0); // close with a reset, as a killed browser tab does
                    s.setSoTimeout(5000);
                    OutputStream out = s.getOutputStream();
                    if (i % 4 == 3) {
                        out.write("GET /index.ht".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write("GET /big.pdf HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.getInputStream().readNBytes(16 * 1024);
                    }
                }
                done.incrementAndGet();
            }
            return null;
        });
        return done;
    }

    private static void run(int threads, Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<Void> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** Lets the server finish writing to and closing the sockets of the clients that are gone. */
    private static void awaitQuiet() throws InterruptedException {
        Thread.sleep(300);
        System.gc();
    }

    private static long waitFor(java.util.function.LongSupplier value, long atMost) throws InterruptedException {
        long v = value.getAsLong();
        for (int i = 0; i < 50 && v > atMost; i++) {
            Thread.sleep(100);
            v = value.getAsLong();
        }
        return v;
    }

    @Test
    void beforeTheFirstGoodBuildEveryPageIsAWaitingPageWithTheProblems() throws IOException {
        nl.noordoostpolder.ivb.i18n.Language.use(nl.noordoostpolder.ivb.i18n.Language.NL);
        LiveSite empty = new LiveSite();
        empty.fail(List.of(new Problem("content/index.adoc", 1, "the file is empty.")));
        try (PreviewServer waiting = PreviewServer.start(new InetSocketAddress("127.0.0.1", 0), empty, 2)) {
            RawHttp.Response r = RawHttp.get(waiting.address().getPort(), "/trends/x.html");
            assertEquals(503, r.status());
            assertTrue(r.text().contains("De site kan nog niet worden gemaakt"), r.text());
            assertTrue(r.text().contains("/__preview/reload.js"));
            assertNull(empty.current().root());
        }
    }
}
