package nl.noordoostpolder.ivb.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What makes the 404 page work at any missing address a server shows it for, at any depth, as one static file: the
 * site's stylesheet inlined (so it never depends on the address), the policy that allows exactly that inline code,
 * and, without a base URL, a small script that finds the site root.
 * <p>
 * With a base URL the page's links start from its path ({@code /repo/}) and no script is needed. Without one the
 * page cannot know where the site lives: its links are written relative to the site root, which is right when the
 * missing address is in the site's top folder (also without JavaScript), and the script ({@code site-root.js})
 * corrects them at any depth. It asks for {@code css/site.css} in each folder of the address, deepest first, and takes
 * the first that answers with this site's stylesheet (the same text as the page's {@code <style>}) as the site root:
 * it never asks above the site's own folder (where another site of the same domain may live), and a server that
 * answers every missing address with this page and status 200 does not mislead it;
 * then it points every relative link and form there and loads the page's scripts from there.
 *
 * @param style  the text of the inline {@code <style>}: the site's stylesheet
 * @param script the text of the inline {@code <script>}, empty with a base URL
 * @param policy the page's Content-Security-Policy
 */
public record NotFoundPage(String style, String script, String policy) {

    /** The stylesheet, relative to the source folder; every page links it as {@code css/site.css}. */
    public static final String STYLESHEET = "assets/css/site.css";
    private static final String SCRIPT = "site-root.js";
    private static final Pattern END_TAG = Pattern.compile("</(style)", Pattern.CASE_INSENSITIVE);

    /** The inline parts of the 404 page for a site with {@code stylesheet} and these settings. */
    public static NotFoundPage of(Path stylesheet, SiteSettings settings) {
        // "</style" would end the element early; "<\/style" means the same in a CSS string or comment
        String style = END_TAG.matcher(ContentSecurityPolicy.parsedText(read(stylesheet))).replaceAll("<\\\\/$1");
        String script = settings.hasBaseUrl() ? "" : ContentSecurityPolicy.parsedText(resource(SCRIPT));
        return new NotFoundPage(style, script, ContentSecurityPolicy.allowingInline(style, script));
    }

    /**
     * The stylesheet's text; empty when it is missing, as the link check then reports it for every other page that
     * links it, and the build fails there.
     */
    private static String read(Path stylesheet) {
        try {
            return Files.readString(stylesheet, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = NotFoundPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
