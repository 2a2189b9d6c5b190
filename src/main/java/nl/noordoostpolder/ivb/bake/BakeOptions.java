package nl.noordoostpolder.ivb.bake;

/**
 * How to bake.
 *
 * @param baseUrl the absolute address of the published site, overriding {@code site.baseurl} in
 *                {@code jbake.properties}; null to keep that
 * @param threads how many pages to convert and render at once
 * @param editUrl the address of the web editor for the sources ("Bewerk deze pagina"), overriding
 *                {@code site.editurl}; null to keep that. The publishing workflow passes GitHub's editor for the
 *                default branch, so that nothing in the sources names the repository
 */
public record BakeOptions(String baseUrl, int threads, String editUrl) {

    public BakeOptions(String baseUrl, int threads) {
        this(baseUrl, threads, null);
    }

    public static BakeOptions defaults() {
        return new BakeOptions(null, Runtime.getRuntime().availableProcessors(), null);
    }

    public BakeOptions withThreads(int n) {
        return new BakeOptions(baseUrl, n, editUrl);
    }

    public BakeOptions withBaseUrl(String url) {
        return new BakeOptions(url, threads, editUrl);
    }

    public BakeOptions withEditUrl(String url) {
        return new BakeOptions(baseUrl, threads, url);
    }
}
