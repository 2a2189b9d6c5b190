package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.util.Set;

import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ivb} command line: {@code java -jar target/ivb.jar COMMAND [SOURCE_DIR]}.
 * <p>
 * Exit codes: 0 success, 1 the sources have problems (each printed as {@code file:line: error: message}),
 * 2 the command was used wrongly, 3 an unexpected failure.
 */
@Command(name = "ivb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Bakes the website of the Integraal veiligheidsbeleid 2024-2027 from AsciiDoc.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    /** The commands that convert pages, and so start Asciidoctor before anything else (see below). */
    private static final Set<String> CONVERTING = Set.of("build", "check", "serve");

    public static void main(String[] args) {
        if (args.length > 0 && CONVERTING.contains(args[0])) {
            AsciidocConverter.startInBackground(); // JRuby takes seconds to start: begin while the command line parses
        }
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    /** Runs a command with its output and error text going to the given writers (for tests that read them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        try {
            return execute(cli, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(CommandLine cli, String... args) {
        try {
            return cli.setExecutionExceptionHandler(new Failures()).execute(args);
        } catch (StackOverflowError e) {
            cli.getErr().println("error: a page is nested too deeply to convert (lists or tables inside each other). "
                    + "Simplify its structure.");
            return FAILURE;
        } catch (OutOfMemoryError e) {
            cli.getErr().println("error: not enough memory for this site. Give Java more with IVB_JAVA_OPTS=-Xmx2g.");
            return FAILURE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ivb " + (v == null ? "(development)" : v)};
        }
    }
}
