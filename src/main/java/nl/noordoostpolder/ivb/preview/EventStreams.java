package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * The open Server-Sent Event streams of browser tabs that show the preview ({@code /__preview/events}).
 * <p>
 * A stream stays open as long as the tab does. It is handed over to this class and the request thread is released
 * at once, so open tabs never occupy the server's bounded thread pool; one writer thread sends every event and a
 * comment line every 15 seconds, which also finds and closes the streams of tabs that went away. At most
 * {@link #MAX_STREAMS} streams are kept; beyond that a tab gets 503 and its script retries later.
 */
final class EventStreams implements AutoCloseable {

    static final int MAX_STREAMS = 64;
    private static final long HEARTBEAT_SECONDS = 15;

    private final Set<HttpExchange> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ivb-preview-events");
        t.setDaemon(true);
        return t;
    });

    EventStreams() {
        writer.scheduleWithFixedDelay(() -> sendToAll(": ping\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes over an exchange whose response headers were not sent yet. The first event, with the state as
     * {@code state} gives it at that moment, is sent by the writer thread like every later one, so a tab never gets
     * an older state after a newer one.
     *
     * @return false when too many streams are open (the caller answers 503)
     */
    boolean open(HttpExchange exchange, Supplier<String> state) throws IOException {
        if (streams.size() >= MAX_STREAMS) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        streams.add(exchange);
        writer.execute(() -> send(exchange, ("retry: 1000\n" + event(state.get())).getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    /** Sends one {@code state} event with {@code data} (one line of JSON) to every open stream. */
    void broadcast(String data) {
        String message = event(data);
        writer.execute(() -> sendToAll(message));
    }

    int openStreams() {
        return streams.size();
    }

    private static String event(String data) {
        return "event: state\ndata: " + data + "\n\n";
    }

    private void sendToAll(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (HttpExchange exchange : streams) {
            send(exchange, bytes);
        }
    }

    private void send(HttpExchange exchange, byte[] bytes) {
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException gone) {
            drop(exchange);
        }
    }

    private void drop(HttpExchange exchange) {
        if (streams.remove(exchange)) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.forEach(this::drop);
    }
}
