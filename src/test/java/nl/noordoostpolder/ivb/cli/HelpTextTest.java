package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --help} of every command speaks Dutch by default and English with {@code --lang en}, every text included. */
class HelpTextTest {

    private static final Map<String, String> NO_LOCALE = Map.of();

    @ParameterizedTest
    @ValueSource(strings = {"", "build", "check", "serve", "new", "help"})
    void helpIsDutchByDefault(String command) {
        String help = help(NO_LOCALE, command);
        assertTrue(help.contains("Gebruik: ivb"), help);
        assertTrue(help.contains("Opties:"), help);
        assertTrue(help.contains("Taal van de meldingen"), help);
        for (String english : List.of("Usage:", "Options:", "Show this help", "Print version", "Language of the")) {
            assertFalse(help.contains(english), "English '" + english + "' in the Dutch help of '" + command + "':\n" + help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "build", "check", "serve", "new", "help"})
    void helpIsEnglishWithLangEn(String command) {
        String help = help(NO_LOCALE, command, "--lang", "en");
        assertTrue(help.contains("Usage: ivb"), help);
        assertTrue(help.contains("Options:"), help);
        assertTrue(help.contains("Show this help message and exit.") || help.contains("Show usage help"), help);
        assertFalse(help.contains("Gebruik:") || help.contains("Opties:") || help.contains("Toon deze hulp"), help);
    }

    @Test
    void anEnglishLocaleGivesEnglishHelpAndADutchOneDutch() {
        assertTrue(help(Map.of("LANG", "en_US.UTF-8"), "build").startsWith("Usage: ivb build"));
        assertTrue(help(Map.of("LANG", "nl_NL.UTF-8"), "build").startsWith("Gebruik: ivb build"));
        assertTrue(help(Map.of("LANG", "en_US.UTF-8"), "build", "--lang", "nl").startsWith("Gebruik: ivb build"));
    }

    @Test
    void everyCommandOptionAndArgumentHasItsOwnTextInBothLanguages() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language);
            List<String> missing = new ArrayList<>();
            CommandLine cli = new CommandLine(new Main());
            collect(cli.getCommandSpec(), bundle, missing);
            assertEquals(List.of(), missing, "help texts missing for " + language);
        }
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = Main.run(NO_LOCALE, new PrintWriter(new StringWriter()), new PrintWriter(err), "check", "--lang", "fr");
        assertEquals(Main.USAGE, exit);
        assertEquals("error: onbekende taal 'fr'. Kies nl (Nederlands) of en (Engels).", err.toString().strip());
    }

    @Test
    void aWrongOptionIsExplainedInDutchWithWhereToReadMore() {
        StringWriter err = new StringWriter();
        int exit = Main.run(NO_LOCALE, new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--oops");
        assertEquals(Main.USAGE, exit);
        assertEquals("error: onbekende optie: --oops\nZie 'ivb build --help' voor wat u kunt opgeven.",
                err.toString().strip().replace("\r", ""));
    }

    @Test
    void anUnknownCommandNamesTheCommandsThereAre() {
        StringWriter err = new StringWriter();
        int exit = Main.run(NO_LOCALE, new PrintWriter(new StringWriter()), new PrintWriter(err), "bouw");
        assertEquals(Main.USAGE, exit);
        assertTrue(err.toString().startsWith("error: onbekende opdracht: bouw. Kies een van: build, check, serve, new, diff, "
                + "help."), err.toString());
    }

    /** Every text picocli shows must come from the catalogue: a key for each command, option and argument. */
    private static void collect(CommandSpec spec, ResourceBundle bundle, List<String> missing) {
        String prefix = spec.qualifiedName(".");
        if (!has(bundle, prefix + ".usage.description") && !has(bundle, prefix + ".usage.description.0")) {
            missing.add(prefix + ".usage.description");
        }
        for (ArgSpec arg : spec.args()) {
            String key = arg.descriptionKey();
            if (arg instanceof OptionSpec option && (key == null || key.isEmpty())) {
                key = option.longestName().replaceFirst("^-+", "");
            }
            if (key == null || key.isEmpty() || !(has(bundle, prefix + "." + key) || has(bundle, key))) {
                missing.add(prefix + " " + (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel())
                        + " (key " + key + ")");
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec().parent() == spec) {
                collect(sub.getCommandSpec(), bundle, missing);
            }
        }
    }

    private static boolean has(ResourceBundle bundle, String key) {
        return bundle.containsKey(key);
    }

    private static String help(Map<String, String> environment, String command, String... more) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) {
            args.add(command);
        }
        args.add("--help");
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(environment, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        if (Boolean.getBoolean("ivb.help.print")) {
            System.out.println(out);
        }
        return out.toString();
    }
}
