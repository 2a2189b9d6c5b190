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
 * Turns the print variant of the whole policy into an accessible PDF (PDF/UA-1, and PDF/A-2u for archiving) with
 * openhtmltopdf: tagged headings,
 * lists, tables, links and figures, the title in the title bar, the language from {@code <html lang>}, bookmarks,
 * page numbers, the vendored DejaVu font, and the same bytes for the same text (see {@link ReproduciblePdf}).
 * <p>
 * Nothing is fetched from the network: http(s) addresses are refused, so an image can only come from the site's own
 * {@code assets/} folder.
 */
public final class PolicyPdf {

    private static final boolean TIMINGS = Boolean.getBoolean("ivb.timings");

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
        return render(html, baseUrl, assets, date, true);
    }

    /**
     * Renders {@code html} as PDF/UA-1, and also as PDF/A-2u (the archival form the Dutch government asks for, with
     * the JDK's sRGB profile as output intent) when {@code pdfA} is set, as the build does.
     */
    static byte[] render(String html, String baseUrl, Path assets, LocalDate date, boolean pdfA) {
        long t0 = System.nanoTime();
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
        if (pdfA) {
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U)
                    .useColorProfile(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData());
        }
        PdfFonts.register(builder);
        long t1 = System.nanoTime();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            long t2 = System.nanoTime();
            renderer.createPDFWithoutClosing();
            long t3 = System.nanoTime();
            PDDocument doc = renderer.getPdfDocument();
            LinkAnnotationFixer.fix(doc);
            long t4 = System.nanoTime();
            ReproduciblePdf.fix(doc, date, html);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            long t5 = System.nanoTime();
            if (TIMINGS) {
                System.err.printf("[pdf] html %d ms, builder %d ms, layout+render %d ms, links %d ms, save %d ms, %d pages%n",
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                        (t5 - t4) / 1_000_000, doc.getNumberOfPages());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
