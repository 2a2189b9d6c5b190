package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The preview's web server: serves the folder of the last good build to the editor's browser, adds the live-reload
 * script to every HTML page, and tells open tabs when to reload or which problems to show.
 * <p>
 * It is built for one person's browser on their own machine, and hardened anyway: it binds to loopback unless told
 * otherwise, serves only regular files inside the served folder (see {@link RequestPath}), answers only GET and HEAD,
 * sends {@code X-Content-Type-Options: nosniff} and the site's Content-Security-Policy with every response, and runs
 * on a bounded pool of threads that a slow or vanished client cannot exhaust: every response is written in full or
 * abandoned on the first write error, and every file is closed.
 */
public final class PreviewServer implements AutoCloseable {

    static final String EVENTS_PATH = "/__preview/events";
    static final String ERRORS_PATH = "/__preview/errors";
    private static final String PREVIEW_PREFIX = "/__preview/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("map", "application/json"));

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final LiveSite site;
    private final EventStreams events = new EventStreams();
    private final byte[] reloadScript;

    private PreviewServer(HttpServer server, ThreadPoolExecutor pool, LiveSite site) {
        this.server = server;
        this.pool = pool;
        this.site = site;
        this.reloadScript = resource("reload.js");
        site.onChange(snapshot -> events.broadcast(Json.state(snapshot)));
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server on {@code address} (port 0 picks a free port) with at most {@code threads} request threads.
     *
     * @throws IOException for example {@link java.net.BindException} when the port is taken
     */
    public static PreviewServer start(InetSocketAddress address, LiveSite site, int threads) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), r -> {
                    Thread t = new Thread(r, "ivb-preview-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        PreviewServer preview = new PreviewServer(server, pool, site);
        server.start();
        return preview;
    }

    /** The address of the site root, for example {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    int openEventStreams() {
        return events.openStreams();
    }

    private void handle(HttpExchange exchange) {
        boolean handedOver = false;
        try {
            LiveSite.Snapshot snapshot = site.current();
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", snapshot.policy());
            headers.set("Cache-Control", "no-store");
            headers.set("Referrer-Policy", "no-referrer");
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Method Not Allowed\n", head);
                return;
            }
            URI uri = exchange.getRequestURI();
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                sendText(exchange, 400, "Bad Request\n", head);
                return;
            }
            String path = uri.getRawPath();
            if (path != null && path.startsWith(PREVIEW_PREFIX)) {
                handedOver = servePreviewFile(exchange, path, snapshot, head);
                return;
            }
            serveSiteFile(exchange, path, snapshot, head);
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something unreadable; nothing left to answer
        } finally {
            if (!handedOver) {
                // Only the exchange is closed, never its response stream on its own: in the JDK's server, closing a
                // fixed-length stream that was cut short marks the exchange closed without closing the connection,
                // which leaked one socket per browser that hung up mid-download (PreviewServerTest found it).
                exchange.close();
            }
        }
    }

    private boolean servePreviewFile(HttpExchange exchange, String path, LiveSite.Snapshot snapshot, boolean head)
            throws IOException {
        switch (path) {
            case HtmlInjection.SCRIPT_PATH -> send(exchange, 200, "js", reloadScript, head);
            case ERRORS_PATH -> send(exchange, 200, "json", Json.state(snapshot).getBytes(StandardCharsets.UTF_8), head);
            case EVENTS_PATH -> {
                if (head) {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                    exchange.sendResponseHeaders(200, -1);
                    return false;
                }
                if (events.open(exchange, () -> Json.state(site.current()))) {
                    return true;
                }
                exchange.getResponseHeaders().set("Retry-After", "5");
                sendText(exchange, 503, "Too many open preview tabs\n", false);
            }
            default -> sendText(exchange, 404, "Not Found\n", head);
        }
        return false;
    }

    private void serveSiteFile(HttpExchange exchange, String path, LiveSite.Snapshot snapshot, boolean head)
            throws IOException {
        if (snapshot.root() == null) {
            byte[] page = HtmlInjection.inject(WaitingPage.html(snapshot), snapshot.generation())
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, 503, "html", page, head);
            return;
        }
        RequestPath.Result result = RequestPath.resolve(snapshot.root(), path);
        if (result instanceof RequestPath.Found found) {
            sendFile(exchange, 200, found.file(), snapshot, head);
        } else if (result instanceof RequestPath.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            sendText(exchange, 301, "Moved Permanently\n", head);
        } else if (result instanceof RequestPath.BadRequest) {
            sendText(exchange, 400, "Bad Request\n", head);
        } else {
            java.util.Optional<byte[]> made = madeOnDemand(path);
            Path notFound = snapshot.root().resolve("404.html");
            if (made.isPresent()) {
                send(exchange, 200, extension(Path.of(path.substring(1))), made.get(), head);
            } else if (Files.isRegularFile(notFound)) {
                sendFile(exchange, 404, notFound, snapshot, head);
            } else {
                sendText(exchange, 404, "Not Found\n", head);
            }
        }
    }

    /** A file the preview makes only when asked for (the PDF), kept by the builder after the first request. */
    private java.util.Optional<byte[]> madeOnDemand(String path) {
        return path == null || !path.startsWith("/") ? java.util.Optional.empty() : site.madeOnDemand(path.substring(1));
    }

    private void sendFile(HttpExchange exchange, int status, Path file, LiveSite.Snapshot snapshot, boolean head)
            throws IOException {
        String ext = extension(file);
        if (ext.equals("html")) {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            HtmlInjection.declaredPolicy(html).ifPresent(p -> exchange.getResponseHeaders().set("Content-Security-Policy", p));
            send(exchange, status, ext, HtmlInjection.inject(html, snapshot.generation()).getBytes(StandardCharsets.UTF_8), head);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(Files.size(file)));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            exchange.sendResponseHeaders(status, Files.size(file));
            in.transferTo(exchange.getResponseBody());
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text, boolean head) throws IOException {
        send(exchange, status, "txt", text.getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(HttpExchange exchange, int status, String ext, byte[] body, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops accepting requests, closes the open event streams and ends the request threads. */
    @Override
    public void close() {
        events.close();
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
