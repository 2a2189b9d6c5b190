package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.i18n.Messages;

/** {@code check}: finds every problem a build would find, without writing a site. */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(source.verbose);
        PrintWriter err = spec.commandLine().getErr();
        try (Bakery bakery = new Bakery(source.sourceDir, Commands.options(source))) {
            bakery.check();
            spec.commandLine().getOut().println(Messages.get("check.ok"));
            return Main.OK;
        } catch (ContentException e) {
            Commands.printProblems(e, err, source.sourceDir);
            err.println(Messages.get(e.problems().size() == 1 ? "check.problems.one" : "check.problems",
                    Messages.number(e.problems().size())));
            return Main.CONTENT_ERRORS;
        }
    }
}
