package nl.noordoostpolder.ivb.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The site's Content-Security-Policy, in one place for the templates (variable {@code csp}) and the preview server:
 * only the site's own files may be loaded. The 404 page, which must work at any address, is the one page with inline
 * code; its policy allows exactly that code by its SHA-256 hash, never by {@code 'unsafe-inline'}.
 */
public final class ContentSecurityPolicy {

    /** The policy of every page: nothing but the site's own files. */
    public static final String SITE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private ContentSecurityPolicy() {
    }

    /**
     * The site's policy that also allows one inline {@code <style>} and, when {@code script} is not empty, one inline
     * {@code <script>}, each with exactly this text.
     */
    public static String allowingInline(String style, String script) {
        String policy = SITE.replace("style-src 'self'", "style-src 'self' " + hash(style));
        return script.isEmpty() ? policy : policy.replace("script-src 'self'", "script-src 'self' " + hash(script));
    }

    /**
     * The CSP source for {@code text} as the content of an inline element: {@code 'sha256-<base64>'} of its UTF-8
     * bytes. The browser hashes the text after parsing, so {@code text} must have the line endings the parser leaves
     * ({@code \n}); see {@link #parsedText(String)}.
     */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** {@code text} as an HTML parser passes it on: every {@code \r\n} and lone {@code \r} becomes {@code \n}. */
    public static String parsedText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
