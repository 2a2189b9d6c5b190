package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ivb} command line: {@code java -jar target/ivb.jar COMMAND [SOURCE_DIR]}.
 * <p>
 * Exit codes: 0 success, 1 the sources have problems (each printed as {@code file:line: error: message}),
 * 2 the command was used wrongly, 3 an unexpected failure.
 * <p>
 * Everything it prints for a person is Dutch, or English with {@code --lang en} or an English locale (see
 * {@link Language#choose}). The language is chosen once, before picocli builds any help text, and the texts of
 * the help come from the same catalogue as every other message ({@link Messages#bundle}, keys {@code ivb.*} and
 * {@code usage.*}), so the annotations here carry no description of their own.
 */
@Command(name = "ivb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Parsed again by picocli only so that every command accepts it; {@link #run} reads it first. */
    @Option(names = "--lang", paramLabel = "nl|en", scope = ScopeType.INHERIT, descriptionKey = "lang")
    String lang;

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    /** The commands that convert pages, and so start Asciidoctor before anything else (see below). */
    private static final Set<String> CONVERTING = Set.of("build", "check", "serve");

    public static void main(String[] args) {
        ConsoleEncoding.useUtf8WhenAscii();
        if (CONVERTING.contains(LanguageOption.command(args))) {
            AsciidocConverter.startInBackground(); // JRuby takes seconds to start: begin while the command line parses
        }
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        CommandLine cli = commandLine(System.getenv(), args);
        return cli == null ? USAGE : execute(cli, args);
    }

    /** Runs a command with its output and error text going to the given writers (for tests that read them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.getenv(), out, err, args);
    }

    /**
     * Runs a command as {@link #run(PrintWriter, PrintWriter, String...)} does, with {@code environment} in place
     * of the process's environment for choosing the language (for tests of that choice).
     */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        try {
            CommandLine cli = commandLine(environment, err, args);
            if (cli == null) {
                return USAGE;
            }
            cli.setOut(out);
            cli.setErr(err);
            return execute(cli, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine(Map<String, String> environment, String... args) {
        return commandLine(environment, new PrintWriter(System.err, true), args);
    }

    /** Chooses the language of this run, then builds the command line in it; null after a wrong {@code --lang}. */
    private static CommandLine commandLine(Map<String, String> environment, PrintWriter err, String... args) {
        try {
            Language.use(Language.choose(LanguageOption.in(args), environment));
        } catch (IllegalArgumentException e) {
            Language.use(Language.choose(null, environment));
            err.println("error: " + Messages.get("lang.unknown", LanguageOption.in(args)));
            return null;
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setResourceBundle(Messages.bundle(Language.current()));
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    private static int execute(CommandLine cli, String... args) {
        try {
            return cli.setExecutionExceptionHandler(new Failures()).execute(args);
        } catch (StackOverflowError e) {
            cli.getErr().println("error: " + Messages.get("main.too-deep"));
            return FAILURE;
        } catch (OutOfMemoryError e) {
            cli.getErr().println("error: " + Messages.get("main.out-of-memory"));
            return FAILURE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ivb " + (v == null ? Messages.get("main.version.development") : v)};
        }
    }
}
