package nl.noordoostpolder.ivb.cli;

import picocli.CommandLine;
import nl.noordoostpolder.ivb.i18n.Messages;

/** Turns an unexpected exception into one readable line and exit code 3; the stack trace only with --verbose. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        cmd.getErr().println("error: " + Messages.get("main.failure", describe(e)));
        if (verbose) {
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println(Messages.get("main.verbose"));
        }
        return Main.FAILURE;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
