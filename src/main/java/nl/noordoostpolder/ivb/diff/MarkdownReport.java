package nl.noordoostpolder.ivb.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * A {@link SiteDiff} in GitHub's Markdown, for a pull request's job summary ({@code $GITHUB_STEP_SUMMARY}): a
 * heading, one table per kind of change and a list of the other parts.
 * <p>
 * Titles come from the site's pages, so from what an editor wrote: Markdown and HTML characters in them are escaped
 * and cannot add links or markup to the summary. With the published site's address, the titles of changed and
 * removed pages link to the version online now; a new page is not online yet and gets no link.
 */
public final class MarkdownReport {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|~&]");

    private MarkdownReport() {
    }

    /** @param baseUrl the published site's address ending in {@code /}, or empty for no links */
    public static String render(SiteDiff diff, String baseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(escape(Messages.get("diff.title"))).append("\n\n");
        out.append(escape(ReportTexts.summary(diff))).append("\n\n");
        section(out, Messages.get("diff.added.heading", diff.added().size()), diff.added(), "");
        section(out, Messages.get("diff.changed.heading", diff.changed().size()), diff.changed(), baseUrl);
        section(out, Messages.get("diff.removed.heading", diff.removed().size()), diff.removed(), baseUrl);
        if (!baseUrl.isEmpty() && !(diff.changed().isEmpty() && diff.removed().isEmpty())) {
            out.append(escape(Messages.get("diff.markdown.links"))).append("\n\n");
        }
        for (String line : ReportTexts.parts(diff)) {
            out.append("- ").append(escape(line)).append('\n');
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, List<PageChange> pages, String baseUrl) {
        if (pages.isEmpty()) {
            return;
        }
        out.append("### ").append(escape(heading)).append("\n\n");
        out.append("| ").append(escape(Messages.get("diff.column.title"))).append(" | ")
                .append(escape(Messages.get("diff.column.address"))).append(" |\n|---|---|\n");
        for (PageChange page : pages) {
            String title = escape(page.title());
            String cell = baseUrl.isEmpty() ? title : "[" + title + "](" + link(baseUrl, page.address()) + ")";
            out.append("| ").append(cell).append(" | ").append(code(page.address())).append(" |\n");
        }
        out.append('\n');
    }

    /**
     * Text with the characters that start Markdown or HTML markup escaped with a backslash: emphasis, code, links
     * and images ({@code [} and {@code ]}), HTML tags and entities, table cells, strike-through. Inside a table cell or
     * after "- " nothing else can start a block.
     */
    static String escape(String text) {
        return SPECIAL.matcher(text.replaceAll("\\s+", " ")).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** An address as inline code; a backtick, which no built address holds, is left out. */
    private static String code(String address) {
        return "`" + address.replace("`", "").replace("|", "\\|") + "`";
    }

    /** The page's address under the site's address, with the characters a Markdown link cannot hold encoded. */
    private static String link(String baseUrl, String address) {
        StringBuilder url = new StringBuilder(baseUrl);
        for (char c : address.toCharArray()) {
            if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '|' || c == '[' || c == ']'
                    || c == '"' || c == '\'' || c == '`' || c == '\\') {
                url.append('%').append(String.format("%02X", (int) c));
            } else {
                url.append(c);
            }
        }
        return url.toString();
    }
}
