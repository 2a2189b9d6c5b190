package nl.noordoostpolder.ivb.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Turns the print variant of the whole policy into an accessible PDF (PDF/UA-1) with openhtmltopdf: tagged headings,
 * lists, tables, links and figures, the title in the title bar, the language from {@code <html lang>}, bookmarks,
 * page numbers, the vendored DejaVu font, and the same bytes for the same text (see {@link ReproduciblePdf}).
 * <p>
 * Nothing is fetched from the network: http(s) addresses are refused, so an image can only come from the site's own
 * {@code assets/} folder.
 */
public final class PolicyPdf {

    static {
        // openhtmltopdf logs every link without a title at INFO through java.util.logging, dozens per build; its
        // real failures arrive as exceptions, which the build reports
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private PolicyPdf() {
    }

    /**
     * Renders {@code html}.
     *
     * @param baseUrl the site's address ending in {@code /}, or empty (links to other pages then become text)
     * @param assets  the folder relative image addresses are resolved in (the source's {@code assets/})
     * @param date    the date of the content, written as the PDF's dates
     */
    public static byte[] render(String html, String baseUrl, Path assets, LocalDate date) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        PrintHtml.prepare(page, baseUrl);
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(page);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("openhtmltopdf.com")
                .useProtocolsStreamImplementation(url -> {
                    throw new UncheckedIOException(new IOException("no network access in the PDF: " + url));
                }, "http", "https")
                .withW3cDocument(dom, assets.toAbsolutePath().toUri().toString());
        PdfFonts.register(builder);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument doc = renderer.getPdfDocument();
            LinkAnnotationFixer.fix(doc);
            ReproduciblePdf.fix(doc, date, html);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
