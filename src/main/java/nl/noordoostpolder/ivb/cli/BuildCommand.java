package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.BakeResult;
import nl.noordoostpolder.ivb.content.WholePolicySetting;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.bake.BuildFingerprint;
import nl.noordoostpolder.ivb.validate.ContentException;

/** {@code build}: bakes the site; on any problem the previous site stays as it was. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Bake the site into a folder (default: SOURCE_DIR/target/site). On any problem nothing is "
                + "written and the previous site stays as it was.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site (default: SOURCE_DIR/target/site).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Absolute address of the published site, e.g. https://example.org/ivb/ (default: site.baseurl in jbake.properties).")
    String baseUrl;

    @Option(names = "--force", description = "Bake even when no source changed since the last build.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(source.verbose);
        Path output = out != null ? out : source.sourceDir.resolve("target/site");
        BakeOptions options = Commands.options(source).withBaseUrl(baseUrl);
        PrintWriter err = spec.commandLine().getErr();
        BuildFingerprint fingerprint = new BuildFingerprint(source.sourceDir, output,
                "base-url=" + (baseUrl == null ? "" : baseUrl));
        if (!force && fingerprint.upToDate()) {
            spec.commandLine().getOut().printf("%s is up to date: no source changed since the last build "
                    + "(use --force to bake anyway)%n", Commands.display(output.toAbsolutePath().normalize()));
            return Main.OK;
        }
        fingerprint.forget();
        try (Bakery bakery = new Bakery(source.sourceDir, options)) {
            BakeResult result = bakery.build(output);
            fingerprint.record();
            String publishing = result.hasBaseUrl()
                    ? "for " + result.baseUrl() + ", with sitemap.xml, feed.xml and robots.txt"
                    : "no base URL set: no sitemap, feed or robots.txt; set --base-url to publish";
            spec.commandLine().getOut().printf("Baked %d pages into %s in %.1f s (%s)%n", result.pages(),
                    Commands.display(result.output()), result.millis() / 1000.0, publishing);
            wholePolicyLine(result).ifPresent(spec.commandLine().getOut()::println);
            return Main.OK;
        } catch (ContentException e) {
            Commands.printProblems(e, err);
            err.printf("Build failed: %d problem(s). Nothing was written; %s is unchanged.%n", e.problems().size(),
                    Commands.display(output.toAbsolutePath().normalize()));
            return Main.CONTENT_ERRORS;
        }
    }

    /** What the build says about the PDF of the whole policy: its size, or why it was not made. */
    static java.util.Optional<String> wholePolicyLine(BakeResult result) {
        if (result.pdf() != null) {
            return java.util.Optional.of(Messages.get("pdf.made", result.pdf().url(), result.pdf().sizeText()));
        }
        if (result.wholePolicy() == WholePolicySetting.OFF) {
            return java.util.Optional.of(Messages.get("pdf.off.setting"));
        }
        if (!result.wholePolicy().includes(result.documents())) {
            return java.util.Optional.of(Messages.get("pdf.off", String.valueOf(result.documents()),
                    String.valueOf(WholePolicySetting.AUTO_LIMIT)));
        }
        return java.util.Optional.empty();
    }
}
