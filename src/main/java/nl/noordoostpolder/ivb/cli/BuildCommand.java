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
import nl.noordoostpolder.ivb.bake.Bakery;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(source.verbose);
        Path output = out != null ? out : source.sourceDir.resolve("target/site");
        BakeOptions options = Commands.options(source).withBaseUrl(baseUrl);
        PrintWriter err = spec.commandLine().getErr();
        try (Bakery bakery = new Bakery(source.sourceDir, options)) {
            BakeResult result = bakery.build(output);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Baked %d pages into %s in %.1f s%n", result.pages(),
                    Commands.display(result.output()), result.millis() / 1000.0);
            if (result.hasBaseUrl()) {
                out.printf("For %s, with sitemap.xml, feed.xml and robots.txt.%n", result.baseUrl());
            } else {
                out.println("No base URL set, so no sitemap.xml, feed.xml or robots.txt, and 404.html expects the site "
                        + "at the root of its domain. To publish, set --base-url or site.baseurl in jbake.properties.");
            }
            return Main.OK;
        } catch (ContentException e) {
            Commands.printProblems(e, err);
            err.printf("Build failed: %d problem(s). Nothing was written; %s is unchanged.%n", e.problems().size(),
                    Commands.display(output.toAbsolutePath().normalize()));
            return Main.CONTENT_ERRORS;
        }
    }
}
