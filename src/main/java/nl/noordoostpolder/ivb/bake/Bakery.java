package nl.noordoostpolder.ivb.bake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.orientechnologies.orient.core.config.OGlobalConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.DBUtil;
import org.jbake.app.Oven;
import org.jbake.app.Utensils;
import org.jbake.app.Asset;
import org.jbake.app.Renderer;
import org.jbake.app.JBakeException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.pdf.PolicyPdfFile;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.post.BakedPage;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputSteps;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.render.TemplateRenderer;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Bakes the site of one source folder: read and check every page, convert the bodies in parallel, let JBake's
 * {@link Oven} run the bake with this site's crawler and renderer plugged in, check and index the result, and move
 * it into place only if nothing went wrong.
 * <p>
 * Asciidoctor (JRuby) takes seconds to start; a bakery starts it once in the background and keeps it for every
 * later bake, which the preview server relies on (see {@link AsciidocConverter}: one per JVM).
 * <p>
 * The preview ({@code preview/PreviewBuilder}) runs the same steps, incrementally and without the Oven: a check or
 * step added to {@link #build} itself, rather than to the content loader, the converter or {@code OutputSteps},
 * must be added there too. {@code PreviewBuilderTest} compares the two outputs byte for byte.
 */
public final class Bakery implements AutoCloseable {

    private final Path sourceDir;
    private final BakeOptions options;
    private final CompletableFuture<AsciidocConverter> converter;

    public Bakery(Path sourceDir, BakeOptions options) {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.options = options;
        Path content = this.sourceDir.resolve("content");
        this.converter = CompletableFuture.supplyAsync(() -> {
            AsciidocConverter c = new AsciidocConverter(content);
            Timings.mark("asciidoctor up");
            return c;
        });
    }

    public Path sourceDir() {
        return sourceDir;
    }

    /** Bakes into {@code output}, replacing what was there only on success. */
    public BakeResult build(Path output) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Timings.mark("start");
        SourceTree tree = SourceTree.scan(sourceDir, problems);
        SiteSettings settings = SettingsLoader.load(sourceDir, options.baseUrl(), options.editUrl(), problems);
        List<Document> documents = ContentLoader.load(tree, problems);
        List<Document> published = documents.stream().filter(Document::isPublished).toList();
        checkOutput(output, problems);
        problems.throwIfAny();
        Timings.mark("loaded");


        try (StagedOutput staged = StagedOutput.beside(output)) {
            TemplateRenderer renderer = new TemplateRenderer(sourceDir.resolve("templates"), settings);
            CompletableFuture<SiteModel> conversion = CompletableFuture.supplyAsync(
                    () -> convertAll(published, settings, problems));
            // the PDF is made from the converted bodies while JBake starts and the other pages render; the pages
            // that link to it (with its size) wait for it, see SiteModel.getDownload()
            CompletableFuture<PolicyDownload> pdf = conversion.thenApplyAsync(
                    site -> makePdf(site, renderer, staged.folder(), problems));
            Supplier<SiteModel> converted = () -> {
                SiteModel site = join(conversion);
                site.setDownload(() -> join(pdf));
                return site;
            };
            Map<String, BakedPage> baked = new ConcurrentHashMap<>();
            BakeSession.open(new BakeSession(published, converted, renderer, staged.folder(), options.threads(), problems,
                    baked));
            int pages;
            try {
                pages = runOven(staged.folder(), problems);
            } finally {
                BakeSession.close();
            }
            SiteModel site = converted.get();
            site.getDownload(); // the PDF is written, or its problem is recorded
            pages = site.getAllPages().size();
            problems.throwIfAny();
            Timings.mark("oven done");
            BakedSite bakedSite = new BakedSite(staged.folder(), baked);
            OutputSteps.applyAll(site, bakedSite, settings, problems);
            problems.throwIfAny();
            Timings.mark("post steps");
            Timings.report();
            staged.commit();
            return new BakeResult(pages, staged.target(), (System.nanoTime() - start) / 1_000_000, settings.baseUrl(),
                    site.getDownload(), published.size(), settings.wholePolicy());
        }
    }

    /** The site replaces its output folder: that may never be the sources or a folder that holds them. */
    private void checkOutput(Path output, Problems problems) {
        Path out = output.toAbsolutePath().normalize();
        boolean holdsSources = sourceDir.startsWith(out);
        boolean insideSources = java.util.stream.Stream.of("content", "templates", "assets")
                .anyMatch(folder -> out.startsWith(sourceDir.resolve(folder)));
        if (holdsSources || insideSources) {
            problems.add(out.toString(), 0, holdsSources ? Messages.get("output.over-sources")
                    : Messages.get("output.in-sources"));
        }
    }

    /** Checks everything a build checks, without touching any output folder. */
    public void check() {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ivb-check-");
        } catch (java.io.IOException e) {
            throw new ContentException(Problem.ofFile("(temp)", Messages.get("output.temp", e.getMessage())));
        }
        try {
            build(scratch.resolve("site"));
        } finally {
            StagedOutput.deleteTree(scratch);
        }
    }

    private int runOven(Path staging, Problems problems) {
        DefaultJBakeConfiguration config;
        try {
            config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(sourceDir.toFile(), staging.toFile(), true);
        } catch (JBakeException e) {
            throw new ContentException(Problem.ofFile("jbake.properties", e.getMessage()));
        }
        // Only this source folder's own folders, whatever jbake.properties says: JBake copies its asset folder
        // into the site, and asset.folder=../../etc would publish /etc.
        config.setContentFolder(sourceDir.resolve("content").toFile());
        config.setTemplateFolder(sourceDir.resolve("templates").toFile());
        config.setAssetFolder(sourceDir.resolve("assets").toFile());
        config.setDataFolder(sourceDir.resolve("data").toFile());
        config.setDatabaseStore("memory");
        config.setDatabasePath("ivb");
        // OrientDB hashes the passwords of the default users it creates in every new database with 65,536 rounds
        // of PBKDF2: about a second of CPU per bake, spent while the pages are converting. This database lives in
        // memory for one bake and holds nothing secret, so one round is enough.
        OGlobalConfiguration.SECURITY_USER_PASSWORD_SALT_ITERATIONS.setValue(1);
        ContentStore store = DBUtil.createDataStore(config);
        Utensils utensils = new Utensils();
        utensils.setConfiguration(config);
        utensils.setContentStore(store);
        utensils.setCrawler(new PrecomputedCrawler(store, config));
        utensils.setRenderer(new Renderer(store, config));
        utensils.setAsset(new Asset(config));
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new OwnRenderingToolsOnly(Bakery.class.getClassLoader()));
        Oven oven;
        try {
            oven = new Oven(utensils);
            oven.bake();
        } catch (JBakeException e) {
            throw new ContentException(Problem.ofFile("jbake.properties", Messages.get("jbake.stopped", e.getMessage())));
        } finally {
            thread.setContextClassLoader(original);
        }
        for (Throwable error : oven.getErrors()) {
            if (error.getCause() instanceof ContentException ce) {
                problems.addAll(ce.problems());
            } else {
                problems.add(Problem.ofFile("templates", Messages.get("jbake.error", error.getMessage())));
            }
        }
        return BakeSession.current().documents().size() + SiteModel.generatedPages().size();
    }

    /**
     * Makes the PDF of the whole policy when the site has it and the sources have no problems; a failure is a
     * problem of the build (the previous site stays in place). Null when there is no PDF.
     */
    private PolicyDownload makePdf(SiteModel site, TemplateRenderer renderer, Path output, Problems problems) {
        if (!site.isWholePolicyOn() || !problems.isEmpty()) {
            return null;
        }
        try {
            PolicyDownload download = Timings.time("pdf", () -> PolicyPdfFile.write(site, renderer, sourceDir, output));
            Timings.mark("pdf written");
            return download;
        } catch (ContentException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            problems.add(Problem.ofFile("templates/" + GeneratedPage.WHOLE_POLICY_PRINT.getTemplate() + ".peb",
                    Messages.get("pdf.failed", String.valueOf(e.getMessage()))));
        }
        return null;
    }

    private SiteModel convertAll(List<Document> published, SiteSettings settings, Problems problems) {
        AsciidocConverter asciidoc = converter();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "ivb-convert");
            thread.setDaemon(true); // a page stuck in Asciidoctor must not keep the JVM alive
            return thread;
        });
        Duration limit = convertLimit(published.size());
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            List<Future<?>> futures = new ArrayList<>(published.size());
            for (Document doc : published) {
                futures.add(pool.submit(() -> Timings.time("convert", () -> {
                    asciidoc.convert(doc, problems);
                    return null;
                })));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    problems.add(published.get(i).getSourcePath(), 1, Messages.get("convert.timeout", limit.toSeconds()));
                    futures.get(i).cancel(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Timings.mark("converted");
        return new SiteModel(published, settings.wholePolicy());
    }

    /**
     * How long converting all pages may take before the unfinished ones are reported, so that a page Asciidoctor
     * needs minutes for (measured: 50,000 {@code pass:[} in a row took 8 minutes) fails the build instead of stalling
     * it. Generous: two minutes plus five seconds a page. {@code -Divb.convert.timeout=SECONDS} sets it (tests).
     */
    static Duration convertLimit(int pages) {
        String override = System.getProperty("ivb.convert.timeout");
        if (override != null && !override.isBlank()) {
            return Duration.ofMillis((long) (Double.parseDouble(override) * 1000));
        }
        return Duration.ofSeconds(120 + 5L * pages);
    }

    /** The shared Asciidoctor, waiting for it to start if needed. */
    public AsciidocConverter converter() {
        return join(converter);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    @Override
    public void close() {
        converter.thenAccept(AsciidocConverter::close);
    }
}
