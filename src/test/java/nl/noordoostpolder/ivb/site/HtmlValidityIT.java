package nl.noordoostpolder.ivb.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nu.validator.validation.SimpleDocumentValidator;

/**
 * The W3C Nu HTML Checker ({@code nu.validator:validator}, in-process, no network) finds no error in any page of the
 * baked site or in its stylesheet. Warnings are printed but do not fail: the checker warns, for instance, that the
 * Content-Security-Policy's {@code 'self'} cannot match a page read from a file, which is true and harmless.
 * <p>
 * One validator is set up (about 0.2 s) and reused for every page (a few milliseconds each); language detection is
 * off, it is slow to start and the pages say {@code lang="nl"} themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {

    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final Messages messages = new Messages();
    private SimpleDocumentValidator validator;
    private Path site;

    /** Collects the checker's messages about the file being checked. */
    private static final class Messages implements ErrorHandler {
        String file = "";
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            warnings.add(format(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        private String format(SAXParseException e) {
            return file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }

    @BeforeAll
    void setUp() throws Exception {
        site = SiteUnderTest.bakedSite();
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema(SCHEMA, messages);
        validator.setUpValidatorAndParsers(messages, false, false);
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "expected the whole site, found " + files.size() + " pages");
        for (Path file : files) {
            messages.file = site.relativize(file).toString();
            validator.checkHtmlFile(file.toFile(), true);
        }
        report(files.size() + " pages");
    }

    @Test
    void theStylesheetIsValidCss() throws Exception {
        File css = site.resolve("css/site.css").toFile();
        messages.file = "css/site.css";
        validator.checkCssFile(css, true);
        report("the stylesheet");
    }

    @Test
    void theCheckerReportsAnErrorWhenThereIsOne() throws Exception {
        Path bad = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "invalid-", ".html");
        try {
            Files.writeString(bad, "<!DOCTYPE html><html lang=\"nl\"><head><title>x</title></head>"
                    + "<body><p><span>fout</p></span></body></html>");
            int before = messages.errors.size();
            messages.file = "planted";
            validator.checkHtmlFile(bad.toFile(), true);
            assertTrue(messages.errors.size() > before, "a stray end tag was not reported");
            messages.errors.subList(before, messages.errors.size()).clear();
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    private void report(String what) {
        List<String> errors = List.copyOf(messages.errors);
        long cspNotes = messages.warnings.stream().filter(w -> w.contains("Content Security Policy")).count();
        messages.warnings.stream().filter(w -> !w.contains("Content Security Policy")).forEach(w -> System.out.println("warning: " + w));
        if (cspNotes > 0) {
            System.out.println(cspNotes + " warning(s) that 'self' in the Content-Security-Policy cannot match a file: URL");
        }
        messages.errors.clear();
        messages.warnings.clear();
        assertTrue(errors.isEmpty(), errors.size() + " error(s) in " + what + ":\n" + String.join("\n", errors));
    }
}
