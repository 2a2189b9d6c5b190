package nl.noordoostpolder.ivb.diff;

import java.util.List;

import nl.noordoostpolder.ivb.i18n.Messages;

/** A {@link SiteDiff} for a terminal: one line per page, {@code +} new, {@code ~} changed, {@code -} removed. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(SiteDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append(Messages.get("diff.title")).append('\n');
        out.append(ReportTexts.summary(diff)).append('\n');
        section(out, Messages.get("diff.added.heading", diff.added().size()), '+', diff.added());
        section(out, Messages.get("diff.changed.heading", diff.changed().size()), '~', diff.changed());
        section(out, Messages.get("diff.removed.heading", diff.removed().size()), '-', diff.removed());
        out.append('\n');
        for (String line : ReportTexts.parts(diff)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, char mark, List<PageChange> pages) {
        if (pages.isEmpty()) {
            return;
        }
        out.append('\n').append(heading).append('\n');
        for (PageChange page : pages) {
            out.append("  ").append(mark).append(' ').append(page.title()).append("  (").append(page.address())
                    .append(")\n");
        }
    }
}
