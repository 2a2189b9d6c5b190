package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;

import nl.noordoostpolder.ivb.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Says in the language of the run what is wrong with the command line, and where to read how it is used (exit
 * code 2). Picocli's own messages are English only; the common mistakes get a message of the catalogue, the rare
 * ones keep picocli's words behind a translated opening.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + describe(e));
        err.println(Messages.get("cli.see-help", cmd.getCommandSpec().qualifiedName()));
        err.flush();
        return Main.USAGE;
    }

    private static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String what = String.join(" ", unmatched.getUnmatched());
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            if (what.startsWith("-")) {
                return Messages.get("cli.unknown-option", what);
            }
            return spec.parent() == null && !spec.subcommands().isEmpty()
                    ? Messages.get("cli.unknown-command", unmatched.getUnmatched().get(0),
                            String.join(", ", spec.subcommands().keySet()))
                    : Messages.get("cli.unexpected", what);
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return Messages.get("cli.missing", missing.getMissing().stream().map(UsageErrors::label)
                    .collect(Collectors.joining(", ")));
        }
        return Messages.get("cli.invalid", e.getMessage());
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
