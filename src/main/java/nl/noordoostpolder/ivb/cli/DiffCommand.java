package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import nl.noordoostpolder.ivb.diff.MarkdownReport;
import nl.noordoostpolder.ivb.diff.NotASiteException;
import nl.noordoostpolder.ivb.diff.SiteDiff;
import nl.noordoostpolder.ivb.diff.SiteSnapshot;
import nl.noordoostpolder.ivb.diff.TextReport;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.render.SiteSettings;

/**
 * {@code diff}: what a change publishes, by comparing the site built before it with the site built after it.
 * <p>
 * A report, not a check: the exit code is 0 whether or not anything differs, and 2 when a folder is not a built
 * site. The pull-request workflow writes its Markdown into the job summary.
 */
@Command(name = "diff", mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUDE_SITE", descriptionKey = "old")
    Path oldSite;

    @Parameters(index = "1", paramLabel = "NIEUWE_SITE", descriptionKey = "new")
    Path newSite;

    @Option(names = "--format", paramLabel = "text|markdown", defaultValue = "text")
    String format;

    @Option(names = "--base-url", paramLabel = "URL")
    String baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean markdown = "markdown".equals(format);
        if (!markdown && !"text".equals(format)) {
            return usage(err, Messages.get("diff.error.format", format));
        }
        String base;
        try {
            base = new SiteSettings("-", "-", baseUrl, "").baseUrl();
        } catch (IllegalArgumentException e) {
            return usage(err, Messages.get("diff.error.base.url", baseUrl));
        }
        SiteDiff diff;
        try {
            diff = SiteDiff.between(SiteSnapshot.of(oldSite), SiteSnapshot.of(newSite));
        } catch (NotASiteException e) {
            return usage(err, e.getMessage());
        }
        out.print(markdown ? MarkdownReport.render(diff, base) : TextReport.render(diff));
        out.flush();
        return Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return Main.USAGE;
    }
}
