package nl.noordoostpolder.ivb.diff;

import java.util.ArrayList;
import java.util.List;

import nl.noordoostpolder.ivb.i18n.Messages;

/** The sentences both reports share, so that the terminal and the pull request say the same. */
final class ReportTexts {

    private ReportTexts() {
    }

    /** "Pagina's: 1 nieuw, 5 gewijzigd, 0 verwijderd." or, when no page changes, that nothing changes. */
    static String summary(SiteDiff diff) {
        return diff.noPageChanges() ? Messages.get("diff.no.page.changes")
                : Messages.get("diff.summary", diff.added().size(), diff.changed().size(), diff.removed().size());
    }

    /** One line each for the search index, the sitemap and the feed, and the number of other files changed. */
    static List<String> parts(SiteDiff diff) {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.get("diff.part.search", state(diff.searchIndex())));
        lines.add(Messages.get("diff.part.sitemap", state(diff.sitemap())));
        lines.add(Messages.get("diff.part.feed", state(diff.feed())));
        lines.add(Messages.get("diff.other.files", diff.otherFilesChanged()));
        return lines;
    }

    private static String state(SiteDiff.Part part) {
        return switch (part) {
            case CHANGED -> Messages.get("diff.state.changed");
            case UNCHANGED -> Messages.get("diff.state.unchanged");
            case ABSENT -> Messages.get("diff.state.absent");
        };
    }
}
