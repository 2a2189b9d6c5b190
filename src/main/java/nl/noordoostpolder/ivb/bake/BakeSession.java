package nl.noordoostpolder.ivb.bake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedPage;
import nl.noordoostpolder.ivb.render.TemplateRenderer;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * What one bake hands to the JBake extension points it plugs in ({@link PrecomputedCrawler},
 * {@link PolicyRenderingTool}). JBake creates rendering tools through {@link java.util.ServiceLoader} with no
 * arguments, and keeps its own state in static singletons, so a bake is one per JVM at a time; this holder makes that
 * explicit and refuses a second concurrent bake.
 *
 * @param documents the published documents, converted by the time {@code converted} returns
 * @param converted waits for the conversion of all bodies and returns the site model
 * @param baked     filled by the rendering tool: what was read of each page it wrote, by address
 */
record BakeSession(List<Document> documents, Supplier<SiteModel> converted, TemplateRenderer renderer,
                   Path output, int threads, Problems problems, Map<String, BakedPage> baked) {

    private static final AtomicReference<BakeSession> CURRENT = new AtomicReference<>();

    static void open(BakeSession session) {
        if (!CURRENT.compareAndSet(null, session)) {
            throw new IllegalStateException("JBake runs one bake at a time per JVM; another bake is running");
        }
    }

    static void close() {
        CURRENT.set(null);
    }

    static BakeSession current() {
        BakeSession session = CURRENT.get();
        if (session == null) {
            throw new IllegalStateException("no bake is running");
        }
        return session;
    }
}
