package nl.noordoostpolder.ivb.bake;

import java.nio.file.Path;

import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.content.WholePolicySetting;

/**
 * What a successful bake wrote: how many pages, where, in how many milliseconds, and for which address.
 *
 * @param baseUrl the absolute address the site was baked for, or empty when none was configured (then the sitemap,
 *                the feed and robots.txt were left out)
 * @param pdf     the PDF of the whole policy that was written, or null when the site has none
 * @param documents how many published pages the sources have
 * @param wholePolicy the setting that decided whether the one-page view and the PDF were made
 */
public record BakeResult(int pages, Path output, long millis, String baseUrl, PolicyDownload pdf, int documents,
                         WholePolicySetting wholePolicy) {

    public BakeResult(int pages, Path output, long millis, String baseUrl) {
        this(pages, output, millis, baseUrl, null, 0, WholePolicySetting.AUTO);
    }

    public boolean hasBaseUrl() {
        return !baseUrl.isEmpty();
    }
}
