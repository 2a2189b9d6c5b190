package nl.noordoostpolder.ivb.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.TemplateRenderer;

/**
 * The one home of "make the PDF of this site", for the build (which writes it beside the pages) and the preview
 * (which makes it when its address is asked for): render the print variant with the site's templates
 * ({@code whole-policy-pdf.peb}), then turn it into the PDF.
 */
public final class PolicyPdfFile {

    private PolicyPdfFile() {
    }

    /** The print variant of the whole policy: the HTML the PDF is made from. */
    public static String html(SiteModel site, TemplateRenderer renderer) {
        return renderer.render(GeneratedPage.WHOLE_POLICY_PRINT, site);
    }

    /** The PDF made from {@code html} for this site. */
    public static byte[] pdf(String html, SiteModel site, TemplateRenderer renderer, Path sourceDir) {
        return PolicyPdf.render(html, renderer.settings().baseUrl(), sourceDir.resolve("assets"), site.getLastChanged());
    }

    /** Makes the PDF and writes it into {@code output}; returns what its download links show. */
    public static PolicyDownload write(SiteModel site, TemplateRenderer renderer, Path sourceDir, Path output) {
        byte[] pdf = pdf(html(site, renderer), site, renderer, sourceDir);
        try {
            Files.createDirectories(output);
            Files.write(output.resolve(PolicyDownload.FILE), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolicyDownload.ofSize(pdf.length);
    }
}
