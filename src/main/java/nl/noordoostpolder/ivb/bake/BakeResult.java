package nl.noordoostpolder.ivb.bake;

import java.nio.file.Path;

/**
 * What a successful bake wrote: how many pages, where, in how many milliseconds, and for which address.
 *
 * @param baseUrl the absolute address the site was baked for, or empty when none was configured (then the sitemap,
 *                the feed and robots.txt were left out)
 */
public record BakeResult(int pages, Path output, long millis, String baseUrl) {

    public boolean hasBaseUrl() {
        return !baseUrl.isEmpty();
    }
}
