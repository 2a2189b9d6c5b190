package nl.noordoostpolder.ivb.preview;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the live-reload script to an HTML page while it is served, so that the baked files stay exactly what
 * {@code build} writes and the published site never carries it.
 */
final class HtmlInjection {

    static final String SCRIPT_PATH = "/__preview/reload.js";
    private static final Pattern CSP_META = Pattern.compile(
            "<meta\\s+http-equiv=\"Content-Security-Policy\"\\s+content=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private HtmlInjection() {
    }

    /** The page with the script tag before {@code </head>} (or at the start when there is no head). */
    static String inject(String html, long generation) {
        String tag = "<script src=\"" + SCRIPT_PATH + "\" data-generation=\"" + generation + "\" defer></script>\n";
        int head = html.toLowerCase(Locale.ROOT).indexOf("</head>");
        return head < 0 ? tag + html : html.substring(0, head) + tag + html.substring(head);
    }

    /** The Content-Security-Policy a page declares in its {@code <meta http-equiv>}, unescaped. */
    static Optional<String> declaredPolicy(String html) {
        Matcher m = CSP_META.matcher(html);
        return m.find() ? Optional.of(m.group(1).replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&"))
                : Optional.empty();
    }
}
