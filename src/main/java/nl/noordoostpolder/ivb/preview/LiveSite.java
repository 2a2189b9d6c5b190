package nl.noordoostpolder.ivb.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import nl.noordoostpolder.ivb.render.ContentSecurityPolicy;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * What the preview server shows right now: the folder of the last good build, its generation number, and the
 * problems of the latest attempt. A failed rebuild changes only the problems, so the browser keeps the last good
 * page and shows the problems over it. Thread-safe: the builder publishes, request threads read.
 */
public final class LiveSite {

    /** The default policy, used until a page declares its own; the same as the site's templates declare. */
    static final String DEFAULT_POLICY = ContentSecurityPolicy.SITE;

    /**
     * @param generation increases with every good build; 0 before the first one
     * @param root       the folder to serve, null before the first good build
     * @param problems   the problems of the latest build attempt; empty when it succeeded
     * @param policy     the site's Content-Security-Policy, sent as a header with every response
     */
    public record Snapshot(long generation, Path root, List<Problem> problems, String policy) {
        public Snapshot {
            problems = List.copyOf(problems);
            Objects.requireNonNull(policy, "policy");
        }
    }

    private volatile Snapshot current = new Snapshot(0, null, List.of(), DEFAULT_POLICY);
    private volatile java.util.function.Function<String, java.util.Optional<byte[]>> onDemand =
            path -> java.util.Optional.empty();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();

    public Snapshot current() {
        return current;
    }

    /** A good build: serve {@code root} from now on and clear the problems. */
    public synchronized void publish(Path root, String policy) {
        update(new Snapshot(current.generation() + 1, root, List.of(), policy == null ? DEFAULT_POLICY : policy));
    }

    /** A failed build: keep serving the last good folder and report the problems. */
    public synchronized void fail(List<Problem> problems) {
        Snapshot s = current;
        update(new Snapshot(s.generation(), s.root(), problems, s.policy()));
    }

    /** Nothing changed in the output, but the problems are gone (the editor undid a mistake). */
    public synchronized void clearProblems() {
        Snapshot s = current;
        if (!s.problems().isEmpty()) {
            update(new Snapshot(s.generation(), s.root(), List.of(), s.policy()));
        }
    }

    /**
     * Files the preview makes only when they are asked for (the PDF of the whole policy): {@code files} gets the
     * path inside the site and gives the file, or nothing when it does not make that path.
     */
    public void onDemand(java.util.function.Function<String, java.util.Optional<byte[]>> files) {
        this.onDemand = files;
    }

    /** The file at {@code path} (inside the site, no leading slash) made on request, if the preview makes it. */
    public java.util.Optional<byte[]> madeOnDemand(String path) {
        return onDemand.apply(path);
    }

    public void onChange(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    private void update(Snapshot next) {
        current = next;
        listeners.forEach(l -> l.accept(next));
    }
}
