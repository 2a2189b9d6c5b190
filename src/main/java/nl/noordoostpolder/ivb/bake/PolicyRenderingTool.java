package nl.noordoostpolder.ivb.bake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.BakedPage;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * The one rendering tool of this site, plugged into JBake's {@code Oven} through
 * {@code META-INF/services/org.jbake.render.RenderingTool}. It replaces JBake's stock renderers, whose documents
 * renderer re-reads every document of a type for every page (quadratic), with one pass over the site model that
 * renders each page once, on every core, and reads each page it wrote for the output steps (see {@link BakedPage})
 * while the HTML is still in memory.
 */
public final class PolicyRenderingTool implements RenderingTool {

    /**
     * The templates that show the PDF's download link. Only an order: a page of another template that shows it
     * waits for the PDF just the same (see {@code SiteModel.getDownload()}), it just may hold a thread meanwhile.
     */
    private static final java.util.Set<String> SHOW_DOWNLOAD = java.util.Set.of("home", "theme", "whole-policy");

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        BakeSession session = BakeSession.current();
        SiteModel site = session.converted().get();
        return renderAll(site, session);
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
                      CompositeConfiguration config) throws RenderingException {
        return render(renderer, db, null);
    }

    static int renderAll(SiteModel site, BakeSession session) {
        List<Page> pages = site.getAllPages();
        // the pages with the PDF's download link wait until the PDF is made (its size is in the link): start them
        // last, so that the other pages render meanwhile; their problems are still reported in the site's order
        List<Page> startOrder = new ArrayList<>(pages);
        startOrder.sort(java.util.Comparator.comparing(p -> SHOW_DOWNLOAD.contains(p.getTemplate())));
        ExecutorService pool = Executors.newFixedThreadPool(session.threads());
        Map<String, Problem> problems = new LinkedHashMap<>();
        try {
            Map<Page, Future<?>> started = new java.util.IdentityHashMap<>();
            for (Page page : startOrder) {
                started.put(page, pool.submit(() -> {
                    String html = Timings.time("render", () -> session.renderer().render(page, site));
                    Timings.time("write", () -> {
                        write(session.output(), page, html);
                        return null;
                    });
                    session.baked().put(page.getUrl(), Timings.time("read back", () -> BakedPage.read(page.getUrl(), html)));
                }));
            }
            // wait for every page, also after a failure: a page still being written after the bake gave up would
            // land in a staging folder that is being deleted
            RuntimeException unexpected = null;
            for (Page page : pages) {
                Future<?> future = started.get(page);
                try {
                    join(future);
                } catch (ContentException e) {
                    // one template mistake fails every page that uses it: report it once
                    e.problems().forEach(p -> problems.putIfAbsent(p.path() + ":" + p.line(), p));
                } catch (RuntimeException e) {
                    unexpected = unexpected == null ? e : unexpected;
                }
            }
            if (unexpected != null) {
                throw unexpected;
            }
        } finally {
            pool.shutdownNow();
        }
        Timings.mark("rendered");
        if (!problems.isEmpty()) {
            throw new ContentException(List.copyOf(problems.values()));
        }
        return pages.size();
    }

    static void write(Path output, Page page, String html) {
        Path file = output.resolve(page.getUrl());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ContentException ce) {
                throw ce;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
