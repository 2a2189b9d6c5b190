package nl.noordoostpolder.ivb.render;

import java.net.URI;
import java.util.Objects;
import nl.noordoostpolder.ivb.i18n.Messages;

import nl.noordoostpolder.ivb.content.WholePolicySetting;

/**
 * The few settings of the whole site, from {@code jbake.properties} and the command line.
 *
 * @param title the name of the site, after every page title
 * @param publisher who publishes it, in the footer and the feed
 * @param baseUrl the absolute address of the site root ending in {@code /}, or empty when unknown; used only where
 *                an absolute address is required (sitemap, feed, canonical link)
 * @param editUrl the address to which a page's source path is appended for "Bewerk deze pagina", or empty
 * @param wholePolicy whether to make the one-page view and the PDF ({@code site.wholepolicy})
 */
public record SiteSettings(String title, String publisher, String baseUrl, String editUrl,
                           WholePolicySetting wholePolicy) {

    public SiteSettings(String title, String publisher, String baseUrl, String editUrl) {
        this(title, publisher, baseUrl, editUrl, WholePolicySetting.AUTO);
    }

    public SiteSettings {
        wholePolicy = wholePolicy == null ? WholePolicySetting.AUTO : wholePolicy;
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        baseUrl = normalizeBase(baseUrl);
        editUrl = editUrl == null ? "" : editUrl.strip();
        checkAddress(editUrl, Messages.get("settings.edit-url"));
        if (!editUrl.isEmpty() && !editUrl.endsWith("/")) {
            editUrl = editUrl + "/";
        }
    }

    /** The path part of the base URL, for pages that cannot use relative links (the 404 page): {@code /repo/}. */
    public String basePath() {
        if (baseUrl.isEmpty()) {
            return "/";
        }
        String path = URI.create(baseUrl).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    public boolean hasBaseUrl() {
        return !baseUrl.isEmpty();
    }

    /** The absolute address of a page, or the relative one when no base URL is set. */
    public String absolute(String url) {
        return baseUrl + ("index.html".equals(url) ? "" : url);
    }

    public SiteSettings withBaseUrl(String url) {
        return new SiteSettings(title, publisher, url, editUrl, wholePolicy);
    }

    private static String normalizeBase(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        checkAddress(url, Messages.get("settings.base-url"));
        String u = url.strip();
        return u.replaceAll("/+$", "") + "/"; // also when a tool appends "/" to an address that already ends in one
    }

    /**
     * Checks that a configured address is empty or an absolute http(s) address: it ends up in every page, and a
     * {@code javascript:} address there would run on every page.
     *
     * @throws IllegalArgumentException saying what is wrong, naming the setting as {@code what}
     */
    public static void checkAddress(String url, String what) {
        if (url == null || url.isBlank()) {
            return;
        }
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !(u.startsWith("https://") || u.startsWith("http://"))) {
            throw new IllegalArgumentException(Messages.get("settings.address.invalid", what, url));
        }
    }
}
