package nl.noordoostpolder.ivb.cli;

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
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        try {
            return new CommandLine(new Main()).setExecutionExceptionHandler(new Failures()).execute(args);
        } catch (StackOverflowError e) {
            System.err.println("error: a page is nested too deeply to convert (lists or tables inside each other). "
                    + "Simplify its structure.");
            return FAILURE;
        } catch (OutOfMemoryError e) {
            System.err.println("error: not enough memory for this site. Give Java more with IVB_JAVA_OPTS=-Xmx2g.");
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
