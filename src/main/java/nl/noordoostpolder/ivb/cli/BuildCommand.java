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
import nl.noordoostpolder.ivb.i18n.Messages;

/** {@code build}: bakes the site; on any problem the previous site stays as it was. */
@Command(name = "build", mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL")
    String baseUrl;

    @Option(names = "--edit-url", paramLabel = "URL")
    String editUrl;

    @Option(names = "--force")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(source.verbose);
        Path output = out != null ? out : source.sourceDir.resolve("target/site");
        BakeOptions options = Commands.options(source).withBaseUrl(baseUrl).withEditUrl(editUrl);
        PrintWriter err = spec.commandLine().getErr();
        BuildFingerprint fingerprint = new BuildFingerprint(source.sourceDir, output,
                "base-url=" + (baseUrl == null ? "" : baseUrl) + "\nedit-url=" + (editUrl == null ? "" : editUrl));
        if (!force && fingerprint.upToDate()) {
            spec.commandLine().getOut().println(Messages.get("build.up-to-date",
                    Commands.display(output.toAbsolutePath().normalize())));
            return Main.OK;
        }
        fingerprint.forget();
        try (Bakery bakery = new Bakery(source.sourceDir, options)) {
            BakeResult result = bakery.build(output);
            fingerprint.record();
            String publishing = result.hasBaseUrl()
                    ? Messages.get("build.published-at", result.baseUrl())
                    : Messages.get("build.no-base-url");
            spec.commandLine().getOut().println(Messages.get("build.done", Messages.number(result.pages()),
                    Commands.display(result.output()), Messages.number(result.millis() / 1000.0, 1), publishing));
            wholePolicyLine(result).ifPresent(spec.commandLine().getOut()::println);
            return Main.OK;
        } catch (ContentException e) {
            Commands.printProblems(e, err, source.sourceDir);
            err.println(Messages.get(e.problems().size() == 1 ? "build.failed.one" : "build.failed",
                    Messages.number(e.problems().size()), Commands.display(output.toAbsolutePath().normalize())));
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
