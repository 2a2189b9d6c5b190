package nl.noordoostpolder.ivb.bake;

/**
 * How to bake.
 *
 * @param baseUrl the absolute address of the published site, overriding {@code site.baseurl} in
 *                {@code jbake.properties}; null to keep that
 * @param threads how many pages to convert and render at once
 */
public record BakeOptions(String baseUrl, int threads) {

    public static BakeOptions defaults() {
        return new BakeOptions(null, Runtime.getRuntime().availableProcessors());
    }

    public BakeOptions withThreads(int n) {
        return new BakeOptions(baseUrl, n);
    }

    public BakeOptions withBaseUrl(String url) {
        return new BakeOptions(url, threads);
    }
}
