package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * A running preview: the server, the builder and the watcher that connects them. Starts the server first, so the
 * browser can open while the first build runs, then builds, then rebuilds after every save and says on the terminal
 * what it did or what is wrong.
 */
public final class PreviewSession implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Request threads: enough for a browser's parallel requests and a few tabs, small enough to stay bounded. */
    static final int SERVER_THREADS = 16;

    private final Path sourceDir;
    private final LiveSite live = new LiveSite();
    private final PreviewServer server;
    private final Bakery bakery;
    private final PreviewBuilder builder;
    private final SourceWatcher watcher;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    private PreviewSession(Path sourceDir, InetSocketAddress address, BakeOptions options, PrintWriter out,
                           PrintWriter err, boolean verbose) throws IOException {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.server = PreviewServer.start(address, live, SERVER_THREADS);
        this.bakery = new Bakery(this.sourceDir, options);
        PreviewBuilder made = null;
        try {
            made = new PreviewBuilder(this.sourceDir, bakery::converter, this.sourceDir.resolve("target/preview"), live,
                    options.threads());
            this.builder = made;
            this.watcher = new SourceWatcher(this.sourceDir, this::rebuild);
        } catch (RuntimeException e) {
            if (made != null) {
                made.close();
            }
            bakery.close();
            server.close();
            throw e;
        }
    }

    /**
     * Starts the server on {@code address} and runs the first build before returning.
     *
     * @param verbose also list the pages each rebuild rendered
     * @throws IOException when the server cannot listen, for example because the port is taken
     */
    public static PreviewSession start(Path sourceDir, InetSocketAddress address, BakeOptions options,
                                       PrintWriter out, PrintWriter err, boolean verbose) throws IOException {
        PreviewSession session = new PreviewSession(sourceDir, address, options, out, err, verbose);
        session.out.println(Messages.get("preview.started", session.sourceDir, session.server.address()));
        session.out.flush();
        session.rebuild(Set.of());
        return session;
    }

    public URI address() {
        return server.address();
    }

    /** Rebuilds and reports; a problem in the sources or an unexpected failure never stops the preview. */
    private synchronized void rebuild(Set<Path> changed) {
        PreviewBuilder.Outcome outcome;
        try {
            outcome = builder.rebuild();
        } catch (RuntimeException e) {
            Problem problem = Problem.ofFile("(preview)", Messages.get("preview.failure", e));
            live.fail(List.of(problem));
            outcome = new PreviewBuilder.Outcome(List.of(problem), List.of(), 0, false, 0, Map.of());
        }
        report(changed, outcome);
    }

    private void report(Set<Path> changed, PreviewBuilder.Outcome outcome) {
        String what = changed.isEmpty() ? Messages.get("preview.first-build") : describe(changed);
        String time = "[" + LocalTime.now().format(TIME) + "] ";
        if (!outcome.ok()) {
            for (Problem problem : outcome.problems()) {
                err.println(problem);
            }
            err.println(time + Messages.get(outcome.problems().size() == 1 ? "preview.problems.one" : "preview.problems",
                    what, Messages.number(outcome.problems().size())));
            err.flush();
            return;
        }
        if (outcome.written()) {
            out.println(time + Messages.get("preview.rendered", what, Messages.number(outcome.rendered().size()),
                    Messages.number(outcome.pages()), Messages.number(outcome.millis() / 1000.0, 2)));
            if (verbose) {
                out.println(Messages.get("preview.rendered.pages", String.join(", ", outcome.rendered())));
                out.println(Messages.get("preview.rendered.steps", outcome.phases()));
            }
        } else {
            out.println(time + Messages.get("preview.unchanged", what));
        }
        out.flush();
    }

    private String describe(Set<Path> changed) {
        List<String> names = changed.stream()
                .filter(p -> Files.exists(p) || p.getFileName().toString().contains("."))
                .map(p -> p.equals(sourceDir) ? "." : sourceDir.relativize(p).toString()
                .replace('\\', '/')).distinct().sorted().toList();
        if (names.isEmpty()) {
            return Messages.get("preview.change");
        }
        String shown = names.stream().limit(3).collect(Collectors.joining(", "));
        return names.size() > 3 ? Messages.get("preview.change.more", shown, names.size() - 3) : shown;
    }

    @Override
    public void close() {
        watcher.close();
        server.close();
        builder.close();
        bakery.close();
    }
}
