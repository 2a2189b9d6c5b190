package nl.noordoostpolder.ivb.preview;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputSteps;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.search.SearchIndexWriter;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Writes the preview's search index on a thread of its own, once the editor pauses: at 5000 pages the index takes
 * 0.5-1.5 s of a core, and an editor who saves again within that time should neither wait for it nor share the two
 * cores of a small machine with it. So the index is written {@value #QUIET_MILLIS} ms after the last rebuild, and
 * only for the newest site: a site that is waiting when a newer one comes is skipped. Until its index is written a site is served with
 * the index of the site before it, which the search page reads as a whole (see {@link SearchIndexWriter}).
 * <p>
 * The pages of the site being indexed may be linked into a newer site model by the next rebuild meanwhile (the
 * preview keeps unchanged pages, see {@link DocumentCache}); that index may then mix the two, and the index of the
 * newer site, written next, replaces it.
 */
final class BackgroundIndex implements AutoCloseable {

    /** How long after the last rebuild the index is written. */
    static final long QUIET_MILLIS = 1000;

    private record Job(SiteModel site, BakedSite baked, SiteSettings settings, long submitted) {
    }

    private final SearchIndexWriter writer = SearchIndexWriter.forRebuilds();
    private final Object writing = new Object();
    private final AtomicReference<Job> waiting = new AtomicReference<>();
    private final Consumer<List<Problem>> onProblems;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ivb-preview-search-index");
        t.setDaemon(true);
        return t;
    });

    /** @param onProblems gets the problems of a write that failed (a full disk) */
    BackgroundIndex(Consumer<List<Problem>> onProblems) {
        this.onProblems = onProblems;
    }

    /** Indexes {@code baked} once the editor pauses, unless a newer site comes first. */
    void submit(SiteModel site, BakedSite baked, SiteSettings settings) {
        if (waiting.getAndSet(new Job(site, baked, settings, System.nanoTime())) == null) {
            schedule(QUIET_MILLIS);
        }
    }

    private void schedule(long millis) {
        try {
            thread.schedule(this::writeWhenQuiet, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: the preview stops
        }
    }

    /** Writes the waiting site's index if it has waited long enough; otherwise looks again when it will have. */
    private void writeWhenQuiet() {
        Job job = waiting.get();
        if (job == null) {
            return;
        }
        long waited = (System.nanoTime() - job.submitted()) / 1_000_000;
        if (waited < QUIET_MILLIS) {
            schedule(QUIET_MILLIS - waited);
        } else {
            writeWaiting();
        }
    }

    /** Links the last index written into a new site folder; false when there is none (see {@link SearchIndexWriter}). */
    boolean linkLastInto(Path folder) {
        synchronized (writing) {
            return writer.linkLastInto(folder);
        }
    }

    /** Runs every output step on {@code baked} now, this index included, once no index is being written. */
    void applyAllNow(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        synchronized (writing) {
            OutputSteps.applyAll(site, baked, settings, problems, writer);
        }
    }

    /** Writes the index of the last site submitted now, if it is not written yet, and waits until it is. */
    void await() {
        try {
            thread.submit(this::writeWaiting).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            // nothing left to wait for
        }
    }

    private void writeWaiting() {
        Job job = waiting.getAndSet(null);
        if (job == null) {
            return;
        }
        Problems problems = new Problems();
        synchronized (writing) {
            writer.apply(job.site(), job.baked(), job.settings(), problems);
        }
        if (!problems.isEmpty()) {
            onProblems.accept(problems.list());
        }
    }

    /** Drops a site waiting to be indexed and waits for a write under way, so that its folder can be deleted. */
    @Override
    public void close() {
        waiting.set(null);
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
