package nl.noordoostpolder.ivb.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.Problems;

/** Helpers for the PDF tests: baking a copy of a site, validating with veraPDF, reading the outline. */
final class PdfFiles {

    private PdfFiles() {
    }

    /** Copies the sources of the site in {@code project} (content, templates, assets, settings) to {@code target}. */
    static Path copySources(Path project, Path target) {
        try {
            for (String folder : List.of("content", "templates", "assets")) {
                Path from = project.resolve(folder);
                try (Stream<Path> walk = Files.walk(from)) {
                    for (Path p : walk.toList()) {
                        Path to = target.resolve(folder).resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
            }
            Files.copy(project.resolve("jbake.properties"), target.resolve("jbake.properties"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bakes {@code source} into {@code out} in this JVM. */
    static Path bake(Path source, Path out) {
        try (Bakery bakery = new Bakery(source, BakeOptions.defaults())) {
            bakery.build(out);
        }
        return out;
    }

    /** The site model of {@code source}, without converting any body: enough for titles and their order. */
    static SiteModel model(Path source) {
        Problems problems = new Problems();
        List<Document> published = ContentLoader.load(SourceTree.scan(source, problems), problems).stream()
                .filter(Document::isPublished).toList();
        problems.throwIfAny();
        return new SiteModel(published);
    }

    /** The rules of {@code flavour} the PDF fails, each with how often and its first message; empty when it passes. */
    static Map<String, String> failedRules(byte[] pdf, PDFAFlavour flavour) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        Map<String, String> failed = new TreeMap<>();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            result.getFailedChecks().forEach((rule, count) -> failed.put(rule.getClause() + "-" + rule.getTestNumber(),
                    count + "x"));
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String key = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                    failed.computeIfPresent(key, (k, v) -> v.contains(":") ? v : v + ": " + assertion.getMessage());
                }
            }
        }
        return failed;
    }

    /** A bookmark of the outline: its title, the page it opens (0-based) and its children. */
    record Bookmark(String title, int page, List<Bookmark> children) {
    }

    static List<Bookmark> outline(PDDocument doc) throws IOException {
        return doc.getDocumentCatalog().getDocumentOutline() == null ? List.of()
                : children(doc.getDocumentCatalog().getDocumentOutline());
    }

    private static List<Bookmark> children(PDOutlineNode node) throws IOException {
        List<Bookmark> out = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            Object destination = item.getDestination() != null ? item.getDestination()
                    : item.getAction() instanceof PDActionGoTo goTo ? goTo.getDestination() : null;
            int page = destination instanceof PDPageDestination d ? d.retrievePageNumber() : -1;
            out.add(new Bookmark(item.getTitle(), page, children(item)));
        }
        return out;
    }

    static PDDocument load(Path pdf) throws IOException {
        return Loader.loadPDF(pdf.toFile());
    }

    static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }
}
