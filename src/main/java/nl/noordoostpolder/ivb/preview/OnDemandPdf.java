package nl.noordoostpolder.ivb.preview;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.pdf.PolicyPdfFile;
import nl.noordoostpolder.ivb.render.TemplateRenderer;

/**
 * The preview's PDF of the whole policy. Making it takes a second or more, which no save should wait for, so the
 * preview never makes it while rebuilding: it is made when its address is asked for, from the site last served, and
 * kept until the text it is made from changes (the print variant is rendered again on each request, which takes
 * milliseconds, and compared with the one the kept PDF was made from). Thread-safe: rebuilds publish, request
 * threads ask.
 */
final class OnDemandPdf {

    private record Source(SiteModel site, TemplateRenderer renderer) {
    }

    private record Made(String html, byte[] pdf) {
    }

    private final Path sourceDir;
    private volatile Source source;
    private Made made;
    private int renders;

    OnDemandPdf(Path sourceDir) {
        this.sourceDir = sourceDir;
    }

    /** The site now served, which the next request makes its PDF from. */
    void publish(SiteModel site, TemplateRenderer renderer) {
        source = site.isWholePolicyOn() ? new Source(site, renderer) : null;
    }

    /** The PDF for the site now served; empty when the site has none (or nothing was served yet). */
    synchronized Optional<byte[]> pdf() {
        Source now = source;
        if (now == null) {
            return Optional.empty();
        }
        String html = PolicyPdfFile.html(now.site(), now.renderer());
        if (made == null || !made.html().equals(html)) {
            made = new Made(html, PolicyPdfFile.pdf(html, now.site(), now.renderer(), sourceDir));
            renders++;
        }
        return Optional.of(Arrays.copyOf(made.pdf(), made.pdf().length));
    }

    /** How many times a PDF was made, for tests. */
    synchronized int renders() {
        return renders;
    }
}
