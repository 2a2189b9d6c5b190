package nl.noordoostpolder.ivb.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain static file server for tests, like GitHub Pages or {@code python3 -m http.server}: serves a folder under a
 * path prefix ({@code /}, {@code /repo/}, {@code /a/b/}) on 127.0.0.1, answers {@code /x/} with {@code x/index.html},
 * and a missing file with the site's {@code 404.html} and status 404, as GitHub Pages does. It records every
 * requested path so tests can assert that nothing left the site.
 */
public final class StaticSiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
            "js", "text/javascript", "json", "application/json", "svg", "image/svg+xml", "xml", "application/xml",
            "txt", "text/plain; charset=utf-8", "png", "image/png", "ico", "image/x-icon");

    private final HttpServer server;
    private final Path root;
    private final String prefix;
    private final Set<String> requests = ConcurrentHashMap.newKeySet();

    private final int missingStatus;

    public StaticSiteServer(Path root, String prefix) throws IOException {
        this(root, prefix, 404);
    }

    /**
     * A server that answers a missing file with {@code 404.html} and {@code missingStatus}: 404 as it should be, or
     * 200 as a misconfigured server does (nginx {@code try_files $uri /404.html;}).
     */
    public StaticSiteServer(Path root, String prefix, int missingStatus) throws IOException {
        this.missingStatus = missingStatus;
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start and end with '/': " + prefix);
        }
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** The address of the site root, for example {@code http://127.0.0.1:41234/repo/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** Every path requested so far. */
    public Set<String> requests() {
        return Set.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().toString()).getPath();
            requests.add(path);
            Path file = resolve(path);
            int status = 200;
            if (file == null) {
                file = root.resolve("404.html");
                status = missingStatus;
            }
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Path resolve(String path) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rel = path.substring(prefix.length());
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
