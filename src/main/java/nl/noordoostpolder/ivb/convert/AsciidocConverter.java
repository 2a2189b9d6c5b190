package nl.noordoostpolder.ivb.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.jsoup.Jsoup;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Section;
import nl.noordoostpolder.ivb.validate.Problems;

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

    public AsciidocConverter(Path contentRoot) {
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
        this.asciidoctor = Asciidoctor.Factory.create();
        this.asciidoctor.registerLogHandler(record -> {
            Consumer<LogRecord> sink = CURRENT.get();
            if (sink != null) {
                sink.accept(record);
            }
        });
    }

    /** Converts one page and records its body and sections on it; problems go to {@code problems}. */
    public void convert(Document doc, Problems problems) {
        IncludeGuard.check(doc.getSource(), contentRoot, problems);
        int before = problems.size();
        List<LogRecord> messages = new ArrayList<>();
        CURRENT.set(messages::add);
        org.asciidoctor.ast.Document ast;
        String html;
        try {
            ast = asciidoctor.load(doc.getSource().text(), options(doc));
            html = ast.convert();
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
        doc.setConverted(ScrollableTables.wrap(BodyPolicy.check(html, doc.getSource(), problems)), sections(ast));
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
                .sourcemap(true)
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

    @Override
    public void close() {
        asciidoctor.shutdown();
    }
}
