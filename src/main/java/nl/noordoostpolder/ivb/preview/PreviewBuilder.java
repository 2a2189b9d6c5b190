package nl.noordoostpolder.ivb.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.bake.SettingsLoader;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.content.Section;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.post.BakedPage;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputSteps;
import nl.noordoostpolder.ivb.render.NotFoundPage;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.render.TemplateRenderer;
import nl.noordoostpolder.ivb.post.LinkChecker;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Rebuilds the preview after an edit, doing again only what the edit affects, with the same checks and the same
 * output as {@code build}; what an edit costs follows the pages it touches, not the size of the site.
 * <p>
 * A full bake spends seconds starting JBake's Oven and converting every page. Here Asciidoctor stays running; only
 * the files saved since the last rebuild are read again ({@link DocumentCache}), only a page whose text changed is
 * converted again, and only the pages that read something that changed are rendered again: while a page is rendered,
 * {@link ReadRecorder} notes each value it takes from the site (a title, a list of trends), and after an edit
 * {@link ReadIndex} compares each of those values that the edit can have changed once. A new body of a trend renders
 * that trend only; a new title renders every page that shows it. A change of a template or of
 * {@code jbake.properties} renders every page.
 * <p>
 * An edit is written into the folder served now: first the links of the pages rendered again are checked (and of
 * the pages that link to a page that is gone or lost a section), then each page is replaced in one step, and the
 * browser is told to reload. When every page changes (templates) or files copied as they are change, the site is
 * written into a new folder (see {@link Generations}), checked there, and only then served. The search index, which
 * checks nothing, is written after the page is served, on a thread of its own ({@link BackgroundIndex}).
 * When anything fails, the problems go to the {@link LiveSite} and the last good site stays in place. Not
 * thread-safe: one rebuild at a time; {@link #rebuild} returns when the edit is served.
 */
public final class PreviewBuilder implements AutoCloseable {

    /**
     * What one rebuild did.
     *
     * @param problems empty on success
     * @param rendered the addresses of the pages rendered again
     * @param pages    how many pages the site has
     * @param written  whether a new folder is served now (false when nothing changed or on failure)
     * @param millis   milliseconds from the start until the new folder was served (or the rebuild ended)
     * @param phases   milliseconds per step (read, convert, render, write, link check, search index), for
     *                 {@code --verbose}
     */
    public record Outcome(List<Problem> problems, List<String> rendered, int pages, boolean written, long millis,
                          Map<String, Long> phases) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Milliseconds spent per step of one rebuild. */
    private static final class Phases {
        private final Map<String, Long> spent = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            spent.merge(phase, (now - mark) / 1_000_000, Long::sum);
            mark = now;
        }

        Map<String, Long> spent() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(spent));
        }
    }

    /**
     * A page as rendered: its HTML only until it is written (kept for every page, 5000 pages of HTML took about a
     * third of the preview's heap), then what it read and its reading.
     */
    private record Rendered(String html, PageReads reads, BakedPage baked) {
        Rendered written() {
            return html == null ? this : new Rendered(null, reads, baked);
        }
    }

    private record Conversion(String text, String body, List<Section> sections) {
    }

    private final Path sourceDir;
    private final Supplier<AsciidocConverter> converter;
    private final Generations generations;
    private final LiveSite live;
    private final ExecutorService pool;
    private final ReadRecorder recorder = new ReadRecorder();
    private final Map<String, Conversion> conversions = new HashMap<>();
    /** The search index, written after an edit is served. */
    private final BackgroundIndex searchIndex;
    private final DocumentCache documents = new DocumentCache();
    private final ReadIndex reads = new ReadIndex();
    /** The PDF of the whole policy, made when its address is asked for, never on a save. */
    private final OnDemandPdf pdf;

    /* the last good build */
    private Map<String, Rendered> pages = Map.of();
    private TemplateRenderer renderer;
    private String templateFingerprint;
    /** The stylesheet the 404 page carries inline, as it was at the last good build (see {@link NotFoundPage}). */
    private String inlineStylesheet;
    private StaticFiles staticFiles;
    /** Every file of the folder served now, by its path from the site root, for the link check. */
    private Set<String> siteFiles;
    /** The published pages of the last good build by source path, and those of the rebuild running now. */
    private Map<String, Document> lastPublished = Map.of();
    private Map<String, Document> nextPublished = Map.of();

    /**
     * @param converter the running Asciidoctor, for example {@code bakery::converter}
     * @param output    the preview's own folder, emptied now; never the published site's folder
     */
    public PreviewBuilder(Path sourceDir, Supplier<AsciidocConverter> converter, Path output, LiveSite live, int threads) {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.converter = converter;
        this.generations = new Generations(output);
        this.live = live;
        this.pdf = new OnDemandPdf(this.sourceDir);
        this.searchIndex = new BackgroundIndex(live::fail);
        live.onDemand(path -> PolicyDownload.FILE.equals(path) ? pdfOrProblems() : java.util.Optional.empty());
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ivb-preview-build");
            t.setDaemon(true);
            return t;
        });
    }

    /** Brings the preview up to date with the source folder; never throws for a problem in the sources. */
    public Outcome rebuild() {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Phases phases = new Phases();
        try {
            return rebuild(problems, start, phases);
        } catch (ContentException e) {
            problems.addAll(e.problems());
            return failed(problems, start, phases);
        }
    }

    private Outcome rebuild(Problems problems, long start, Phases phases) {
        SourceTree tree = SourceTree.scan(sourceDir, problems);
        SiteSettings settings = SettingsLoader.load(sourceDir, null, problems);
        List<Document> published = documents.load(tree, problems).stream().filter(Document::isPublished).toList();
        if (!problems.isEmpty()) {
            return failed(problems, start, phases);
        }
        String fingerprint = templateFingerprint(settings);
        String stylesheet = inlineStylesheet();
        phases.done("read");
        boolean everything = renderer == null || !fingerprint.equals(templateFingerprint);
        TemplateRenderer nextRenderer = everything
                ? new TemplateRenderer(sourceDir.resolve("templates"), settings, List.of(recorder)) : renderer;
        convert(published, problems);
        phases.done("convert");
        if (!problems.isEmpty()) {
            return failed(problems, start, phases);
        }
        SiteModel site = new SiteModel(published, settings.wholePolicy());
        if (site.isWholePolicyOn()) {
            // the preview makes the PDF only when it is asked for, so its pages cannot know its size: they say "PDF"
            PolicyDownload withoutSize = PolicyDownload.withoutSize();
            site.setDownload(() -> withoutSize);
        }
        PageReads.Values values = new PageReads.Values(site);
        Set<String> changed = staleAfter(published, values);
        List<Page> stale = site.getAllPages().stream()
                .filter(p -> everything || !reads.knows(p.getUrl()) || changed.contains(p.getUrl())
                        || p.equals(GeneratedPage.NOT_FOUND) && !stylesheet.equals(inlineStylesheet))
                .toList();
        phases.done("compare");
        Map<String, Rendered> fresh = render(stale, site, values, nextRenderer);
        phases.done("render");
        Map<String, Rendered> next = new LinkedHashMap<>();
        for (Page page : site.getAllPages()) {
            next.put(page.getUrl(), fresh.containsKey(page.getUrl()) ? fresh.get(page.getUrl()) : pages.get(page.getUrl()));
        }
        StaticFiles statics = StaticFiles.of(tree);
        List<String> gone = pages.keySet().stream().filter(url -> !next.containsKey(url)).toList();
        List<String> rendered = stale.stream().map(Page::getUrl).toList();
        if (live.current().root() != null && stale.isEmpty() && gone.isEmpty() && statics.sameAs(staticFiles)) {
            live.clearProblems();
            return new Outcome(List.of(), rendered, next.size(), false, millisSince(start), phases.spent());
        }
        Map<String, BakedPage> baked = new HashMap<>();
        next.forEach((url, page) -> baked.put(url, page.baked()));
        boolean inPlace = generations.live() != null && siteFiles != null && !everything && statics.sameAs(staticFiles);
        Path folder = inPlace
                ? updateInPlace(site, settings, fresh, gone, baked, problems, phases)
                : writeGeneration(site, settings, next, statics, baked, problems, phases);
        if (folder == null) {
            return failed(problems, start, phases);
        }
        next.replaceAll((url, page) -> page.written());
        pages = next;
        reads.update(readsOf(fresh), gone);
        lastPublished = nextPublished;
        renderer = nextRenderer;
        templateFingerprint = fingerprint;
        inlineStylesheet = stylesheet;
        staticFiles = statics;
        pdf.publish(site, nextRenderer);
        if (inPlace) {
            live.publish(folder, live.current().policy());
        } else {
            live.publish(folder, policyOf(folder));
            generations.publish(folder); // after the new folder is served: this deletes the folder before the last one
        }
        long served = millisSince(start);
        searchIndex.submit(site, new BakedSite(folder, baked), settings);
        return new Outcome(List.of(), rendered, next.size(), true, served, phases.spent());
    }

    /**
     * The pages that read a value that changed: what was read of the pages whose file changed or that are gone, of
     * the site itself, and, when a header changed or a page came or went, what any page holds from the site model
     * (see {@link ReadIndex#staleIn}).
     */
    private Set<String> staleAfter(List<Document> published, PageReads.Values values) {
        Map<String, Document> now = new HashMap<>();
        published.forEach(doc -> now.put(doc.getSourcePath(), doc));
        Set<String> changed = new HashSet<>();
        boolean structureChanged = !now.keySet().equals(lastPublished.keySet());
        for (Document doc : published) {
            Document before = lastPublished.get(doc.getSourcePath());
            if (before != doc) {
                changed.add(doc.getUrl());
                structureChanged |= before == null || !before.getHeader().equals(doc.getHeader());
                if (before != null) {
                    changed.add(before.getUrl());
                }
            }
        }
        lastPublished.forEach((path, doc) -> {
            if (!now.containsKey(path)) {
                changed.add(doc.getUrl());
            }
        });
        nextPublished = now;
        return reads.staleIn(values, changed, structureChanged);
    }

    /**
     * Writes an edit into the folder served now: the pages rendered again, each replaced in one step, and the files
     * pages link to. First the links of those pages are checked, and of the pages that link to a page that is gone
     * or lost a section; with a problem nothing is written. Null on a problem.
     */
    private Path updateInPlace(SiteModel site, SiteSettings settings, Map<String, Rendered> fresh, List<String> gone,
                               Map<String, BakedPage> baked, Problems problems, Phases phases) {
        Path folder = generations.live();
        Set<String> files = new HashSet<>(siteFiles);
        gone.forEach(files::remove);
        files.addAll(fresh.keySet());
        Set<String> targets = new HashSet<>(gone);
        fresh.forEach((url, page) -> {
            Rendered before = pages.get(url);
            if (before != null && !before.baked().ids().equals(page.baked().ids())) {
                targets.add(url);
            }
        });
        Set<String> toCheck = new TreeSet<>(fresh.keySet());
        toCheck.addAll(LinkChecker.linkingTo(baked, targets));
        LinkChecker.check(site, files, baked, toCheck, settings, problems);
        phases.done("link check");
        if (!problems.isEmpty()) {
            return null;
        }
        fresh.forEach((url, page) -> replace(folder.resolve(url), page.html()));
        for (String url : gone) {
            delete(folder.resolve(url));
        }
        OutputSteps.writeLinkedFiles(site, new BakedSite(folder, baked), settings, problems);
        phases.done("write");
        if (!problems.isEmpty()) {
            return null;
        }
        siteFiles = files;
        return folder;
    }

    /**
     * Writes the whole site into a new folder (the first build, a change of the templates or of the files copied as
     * they are): pages not rendered again are linked (or copied) from the folder served now. Null on a problem, and the folder is gone.
     */
    private Path writeGeneration(SiteModel site, SiteSettings settings, Map<String, Rendered> next,
                                 StaticFiles statics, Map<String, BakedPage> baked, Problems problems, Phases phases) {
        Path folder = generations.create();
        try {
            Path last = generations.live();
            next.forEach((url, page) -> {
                if (page.html() != null) {
                    write(folder.resolve(url), page.html());
                } else if (!link(folder.resolve(url), last.resolve(url))) {
                    copy(last.resolve(url), folder.resolve(url));
                }
            });
            statics.copyInto(folder);
            phases.done("write");
            BakedSite bakedSite = new BakedSite(folder, baked);
            // with the last index linked in, the folder is complete: serve it once its links are checked, and write
            // the new index into it after that (the search page keeps the last index until then)
            if (searchIndex.linkLastInto(folder)) {
                OutputSteps.applyChecks(site, bakedSite, settings, problems);
            } else {
                searchIndex.applyAllNow(site, bakedSite, settings, problems);
            }
            phases.done("link check");
        } catch (ContentException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            generations.discard(folder);
            throw e;
        }
        if (!problems.isEmpty()) {
            generations.discard(folder);
            return null;
        }
        siteFiles = LinkChecker.filesOf(folder);
        return folder;
    }

    private static Map<String, PageReads> readsOf(Map<String, Rendered> fresh) {
        Map<String, PageReads> out = new HashMap<>();
        fresh.forEach((url, page) -> out.put(url, page.reads()));
        return out;
    }

    /** Waits until the search index of the last rebuild is written, which happens after it is served (for tests). */
    public void awaitSearchIndex() {
        searchIndex.await();
    }

    /** Converts the pages whose text changed; the others get their body from the last conversion. */
    private void convert(List<Document> published, Problems problems) {
        List<Document> todo = new ArrayList<>();
        for (Document doc : published) {
            Conversion last = conversions.get(doc.getSourcePath());
            String text = doc.getSource().text();
            if (last != null && last.text().equals(text) && !text.contains("include::")) {
                doc.setConverted(last.body(), last.sections());
            } else {
                todo.add(doc);
            }
        }
        AsciidocConverter asciidoc = todo.isEmpty() ? null : converter.get();
        List<Future<?>> futures = new ArrayList<>();
        for (Document doc : todo) {
            futures.add(pool.submit(() -> {
                Problems own = new Problems();
                asciidoc.convert(doc, own);
                if (own.isEmpty()) {
                    synchronized (conversions) {
                        conversions.put(doc.getSourcePath(), new Conversion(doc.getSource().text(), doc.getBody(),
                                doc.getSections()));
                    }
                } else {
                    problems.addAll(own.list());
                }
            }));
        }
        futures.forEach(PreviewBuilder::join);
        conversions.keySet().retainAll(published.stream().map(Document::getSourcePath).collect(Collectors.toSet()));
    }

    private Map<String, Rendered> render(List<Page> stale, SiteModel site, PageReads.Values values,
                                         TemplateRenderer with) {
        Map<String, Future<Rendered>> futures = new LinkedHashMap<>();
        for (Page page : stale) {
            futures.put(page.getUrl(), pool.submit(() -> {
                PageReads reads = new PageReads(values);
                String html = ReadRecorder.recording(reads, () -> with.render(page, site));
                reads.finish();
                return new Rendered(html, reads, BakedPage.read(page.getUrl(), html));
            }));
        }
        Map<String, Rendered> out = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        futures.forEach((url, future) -> {
            try {
                out.put(url, join(future));
            } catch (ContentException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return out;
    }

    private Outcome failed(Problems problems, long start, Phases phases) {
        live.fail(problems.list());
        return new Outcome(problems.list(), List.of(), pages.size(), false, millisSince(start), phases.spent());
    }

    /** A digest of everything that makes every page render differently: the templates and the site settings. */
    /** The text of the stylesheet the 404 page inlines; a change renders that page again. */
    private String inlineStylesheet() {
        Path css = sourceDir.resolve(NotFoundPage.STYLESHEET);
        try {
            return Files.isRegularFile(css) ? Files.readString(css, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return ""; // reported by the link check of the pages that link it
        }
    }

    private String templateFingerprint(SiteSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(settings.toString().getBytes(StandardCharsets.UTF_8));
            Path templates = sourceDir.resolve("templates");
            if (Files.isDirectory(templates)) {
                try (Stream<Path> files = Files.walk(templates)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(templates.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String policyOf(Path folder) {
        Path index = folder.resolve("index.html");
        try {
            return Files.isRegularFile(index)
                    ? HtmlInjection.declaredPolicy(Files.readString(index, StandardCharsets.UTF_8)).orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Makes {@code file} a hard link to the same page in the folder served now: an edit renders one page, and
     * writing the thousand others again would take most of the time the editor waits. Nothing ever writes into a
     * page file after it is written, so the two folders can share it. False when the file system cannot link.
     */
    private static boolean link(Path file, Path existing) {
        try {
            Files.createDirectories(file.getParent());
            Files.createLink(file, existing);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Replaces {@code file} in one step, by a new file that takes its name: a request reads the old page or the new
     * one, never half of it, and a folder served before that shares the file by a link keeps its bytes.
     */
    private static void replace(Path file, String html) {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        write(fresh, html);
        try {
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String html) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The PDF, or nothing (the browser gets the 404 page) with the problem shown over the page like any other, when
     * a template of the PDF is broken.
     */
    private java.util.Optional<byte[]> pdfOrProblems() {
        try {
            return pdf.pdf();
        } catch (ContentException e) {
            live.fail(e.problems());
        } catch (RuntimeException e) {
            live.fail(List.of(Problem.ofFile("templates/" + nl.noordoostpolder.ivb.content.GeneratedPage.WHOLE_POLICY_PRINT
                    .getTemplate() + ".peb", nl.noordoostpolder.ivb.i18n.Messages.get("pdf.failed", String.valueOf(e.getMessage())))));
        }
        return java.util.Optional.empty();
    }

    /** How many times the preview made the PDF of the whole policy, for tests. */
    int pdfRenders() {
        return pdf.renders();
    }

    /** The folder holding the preview's builds. */
    public Path output() {
        return generations.base();
    }

    @Override
    public void close() {
        searchIndex.close();
        pool.shutdownNow();
        generations.close();
    }
}
