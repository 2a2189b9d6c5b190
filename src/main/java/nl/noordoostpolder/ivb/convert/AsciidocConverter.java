package nl.noordoostpolder.ivb.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Section;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Converts page bodies with one shared Asciidoctor in SAFE mode, from any number of threads.
 * <p>
 * SAFE mode confines includes to the content folder and ignores raw file paths; stock JBake switches Asciidoctor
 * to UNSAFE, which lets {@code include::/etc/passwd[]} publish that file. Every warning Asciidoctor logs while
 * converting a page (an unterminated block, a missing include, a reference to an attribute that is not set) becomes
 * a problem of that page, with the line Asciidoctor names.
 */
public final class AsciidocConverter implements AutoCloseable {

    private static final ThreadLocal<Consumer<LogRecord>> CURRENT = new ThreadLocal<>();
    private static final Map<String, Object> DUTCH_LABELS = Map.of(
            "note-caption", "Let op", "tip-caption", "Tip", "important-caption", "Belangrijk",
            "warning-caption", "Waarschuwing", "caution-caption", "Pas op", "table-caption", "Tabel",
            "figure-caption", "Figuur", "example-caption", "Voorbeeld", "toc-title", "Inhoud",
            "appendix-caption", "Bijlage");

    private final Asciidoctor asciidoctor;
    private final Path contentRoot;

    /**
     * A converter for the pages under {@code contentRoot}. The first one in a JVM waits for Asciidoctor to start
     * (JRuby, seconds; see {@link #startInBackground()}); later ones share that instance, which holds no state of a
     * bake: the content folder, the safe mode and the attributes are passed with every page.
     */
    public AsciidocConverter(Path contentRoot) {
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
        this.asciidoctor = Shared.get();
    }

    /**
     * Starts this JVM's Asciidoctor on a background thread, if it is not started yet. A command that converts pages
     * calls this first thing: Asciidoctor's start is the longest step before the first page can be converted, and
     * the command line has a quarter of a second of other work to do before it asks for a converter.
     */
    public static void startInBackground() {
        Shared.start();
    }

    /** The one Asciidoctor of this JVM, started once; its log goes to the page being converted. */
    private static final class Shared {
        private static CompletableFuture<Asciidoctor> starting;

        static synchronized CompletableFuture<Asciidoctor> start() {
            if (starting == null) {
                starting = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        starting.complete(create());
                    } catch (Throwable e) {
                        starting.completeExceptionally(e);
                    }
                }, "asciidoctor-start");
                thread.setDaemon(true); // a command that ends before Asciidoctor is up need not wait for it
                thread.start();
            }
            return starting;
        }

        static Asciidoctor get() {
            try {
                return start().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        private static Asciidoctor create() {
            Asciidoctor asciidoctor = AsciidoctorGem.libPath()
                    .map(lib -> (Asciidoctor) org.asciidoctor.jruby.AsciidoctorJRuby.Factory.create(List.of(lib)))
                    .orElseGet(Asciidoctor.Factory::create);
            asciidoctor.registerLogHandler(record -> {
                Consumer<LogRecord> sink = CURRENT.get();
                if (sink != null) {
                    sink.accept(record);
                }
            });
            return asciidoctor;
        }
    }

    /** Converts one page and records its body and sections on it; problems go to {@code problems}. */
    public void convert(Document doc, Problems problems) {
        Optional<String> text = IncludeGuard.prepare(doc.getSource(), contentRoot, problems);
        if (text.isEmpty() || !NestingGuard.check(doc.getSource(), problems)) {
            return;
        }
        int before = problems.size();
        List<LogRecord> messages = new ArrayList<>();
        CURRENT.set(messages::add);
        org.asciidoctor.ast.Document ast;
        String html;
        try {
            ast = asciidoctor.load(text.get(), options(doc));
            html = ast.convert();
        } catch (StackOverflowError e) {
            problems.add(doc.getSourcePath(), 1, Messages.get("convert.too-deep"));
            return;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || String.valueOf(e.getMessage()).contains("Interrupt")) {
                return; // stopped because the bake gave up on this page, which reports that itself (JRuby turns
                        // the interrupt into an InterruptedRegexpError and clears the flag)
            }
            problems.add(doc.getSourcePath(), 1, Messages.get("convert.failed", describe(e)));
            return;
        } finally {
            CURRENT.remove();
        }
        for (LogRecord record : messages) {
            if (record.getSeverity().ordinal() >= Severity.WARN.ordinal()) {
                problems.add(AsciidoctorMessages.toProblem(record, doc.getSource(), contentRoot));
            }
        }
        if (problems.size() > before) {
            return;
        }
        doc.setConverted(checkedAndWrapped(html, doc, problems), sections(ast));
    }

    /** The body after {@link BodyPolicy} and {@link ScrollableTables}, which share one parse of it. */
    private static String checkedAndWrapped(String html, Document doc, Problems problems) {
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        Element body = fragment.body();
        boolean cleaned = BodyPolicy.check(body, doc.getSource(), problems);
        boolean wrapped = ScrollableTables.wrap(body);
        return cleaned || wrapped ? body.html() : html;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private Options options(Document doc) {
        Path dir = doc.getSource().file().toAbsolutePath().normalize().getParent();
        Attributes attributes = Attributes.builder()
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .attribute("docdir", dir.toString())
                .attribute("outfilesuffix", ".html")
                .attribute("lang", "nl")
                .attribute("attribute-missing", "warn")
                .attribute("max-include-depth", 16)
                .attribute("!showtitle")
                .attribute("!sectanchors")
                .attribute("!icons")
                .attribute("!webfonts")
                .attribute("!data-uri")
                .attribute("!allow-uri-read")
                .attributes(DUTCH_LABELS)
                .build();
        return Options.builder()
                .safe(SafeMode.SAFE)
                .baseDir(contentRoot.toFile())
                // Asciidoctor's warnings take their line from its reader; a source map would also record a line on
                // every block, which nothing here reads
                .sourcemap(false)
                .standalone(false)
                .toFile(false)
                .attributes(attributes)
                .build();
    }

    private static List<Section> sections(org.asciidoctor.ast.Document ast) {
        List<Section> sections = new ArrayList<>();
        for (StructuralNode block : ast.getBlocks()) {
            if (block instanceof org.asciidoctor.ast.Section section && section.getLevel() == 1 && section.getId() != null) {
                sections.add(new Section(section.getId(), Jsoup.parse(section.getTitle()).text()));
            }
        }
        return sections;
    }

    /** Nothing to release: the Asciidoctor is shared by every converter of the JVM and ends with it. */
    @Override
    public void close() {
        // shared instance; see Shared
    }
}
