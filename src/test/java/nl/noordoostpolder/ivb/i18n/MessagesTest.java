package nl.noordoostpolder.ivb.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import nl.noordoostpolder.ivb.i18n.Messages;

/** The catalogue is complete in both languages, and its placeholders are filled as the code expects. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyMessageExistsInBothLanguagesWithTheSamePlaceholders() {
        ResourceBundle nl = Messages.bundle(Language.NL);
        ResourceBundle en = Messages.bundle(Language.EN);
        assertEquals(nl.keySet(), en.keySet(), "keys differ between messages_nl and messages_en");
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(nl.keySet())) {
            Set<String> inDutch = placeholders(nl.getString(key));
            Set<String> inEnglish = placeholders(en.getString(key));
            if (!inDutch.equals(inEnglish)) {
                wrong.add(key + ": nl " + inDutch + ", en " + inEnglish);
            }
            for (int i = 0; i < inDutch.size(); i++) {
                if (!inDutch.contains(String.valueOf(i))) {
                    wrong.add(key + ": placeholders must be numbered 0.." + (inDutch.size() - 1) + ", was " + inDutch);
                }
            }
            if (nl.getString(key).isBlank() || en.getString(key).isBlank()) {
                wrong.add(key + ": empty text");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void placeholdersAreFilledAndApostrophesStayAsWritten() {
        assertEquals("onbekende taal 'fr'. Kies nl (Nederlands) of en (Engels).",
                Messages.in(Language.NL, "lang.unknown", "fr"));
        assertEquals("unknown language 'fr'. Choose nl (Dutch) or en (English).",
                Messages.in(Language.EN, "lang.unknown", "fr"));
        assertEquals("a $1 b \\ c", Messages.fill("a {0} b {1} c", "$1", "\\"));
    }

    @Test
    void numbersAreWrittenAsTheLanguageWritesThem() {
        try {
            Language.use(Language.NL);
            assertEquals("3,1", Messages.number(3.14159, 1));
            assertEquals("1.250", Messages.number(1250));
            assertEquals("Site gebakken: 1.250 pagina's in target/site in 3,1 s (x)", Messages.get("build.done",
                    Messages.number(1250), "target/site", Messages.number(3.14159, 1), "x"));
            Language.use(Language.EN);
            assertEquals("3.1", Messages.number(3.14159, 1));
            assertEquals("1,250", Messages.number(1250));
        } finally {
            Language.use(Language.NL);
        }
    }

    @Test
    void aMissingValueIsAProgrammingErrorNotASilentGap() {
        assertThrows(IllegalArgumentException.class, () -> Messages.in(Language.NL, "lang.unknown"));
        assertThrows(IllegalArgumentException.class, () -> Messages.in(Language.NL, "no.such.key"));
    }

    @Test
    void dutchIsTheDefaultAndEnglishComesFromTheOptionOrAnEnglishLocale() {
        assertEquals(Language.NL, Language.choose(null, Map.of()));
        assertEquals(Language.NL, Language.choose(null, Map.of("LANG", "C.UTF-8")));
        assertEquals(Language.NL, Language.choose(null, Map.of("LANG", "nl_NL.UTF-8")));
        assertEquals(Language.EN, Language.choose(null, Map.of("LANG", "en_US.UTF-8")));
        assertEquals(Language.NL, Language.choose(null, Map.of("LC_ALL", "nl_NL.UTF-8", "LANG", "en_GB.UTF-8")));
        assertEquals(Language.EN, Language.choose(null, Map.of("LC_MESSAGES", "en_GB", "LANG", "nl_NL")));
        assertEquals(Language.NL, Language.choose("nl", Map.of("LANG", "en_US.UTF-8")));
        assertEquals(Language.EN, Language.choose("EN", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Language.choose("fr", Map.of()));
    }

    @Test
    void everyKeyTheCodeAsksForExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> inCode = keysInCode();
        Set<String> known = Messages.bundle(Language.NL).keySet();
        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(known);
        assertEquals(Set.of(), missing, "keys used in src/main/java without a message in the catalogue");
        assertTrue(inCode.size() >= 150, "only " + inCode.size() + " keys found in the code; is the scan still working?");

        Set<String> unused = new TreeSet<>(known);
        unused.removeAll(inCode);
        unused.removeAll(helpKeys());
        assertEquals(Set.of(), unused, "messages in the catalogue that no code uses: remove them");
    }

    /** The literal keys of every {@code Messages.get("key", ...)}, {@code Messages.in(language, "key", ...)} and hint. */
    static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern call = Pattern.compile("Messages\\.(get|in)\\(|HINTS\\.put\\(");
        Pattern literal = Pattern.compile("\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = call.matcher(code);
                while (m.find()) {
                    List<String> args = topLevelArguments(code, m.end());
                    int index = m.group().startsWith("HINTS") || "in".equals(m.group(1)) ? 1 : 0;
                    if (args.size() > index) {
                        Matcher key = literal.matcher(args.get(index));
                        while (key.find()) {
                            keys.add(key.group(1));
                        }
                    }
                }
            }
        }
        return keys;
    }

    /** The keys picocli reads itself for {@code --help}: section headings and the texts of every command and option. */
    private static Set<String> helpKeys() {
        Set<String> keys = new TreeSet<>();
        for (String key : Messages.bundle(Language.NL).keySet()) {
            if (key.startsWith("usage.")) {
                keys.add(key); // picocli's section headings (usage.synopsisHeading, usage.optionListHeading, ...)
            }
        }
        collectHelpKeys(new CommandLine(new Main()).getCommandSpec(), keys);
        return keys;
    }

    private static void collectHelpKeys(CommandSpec spec, Set<String> keys) {
        String prefix = spec.qualifiedName(".");
        for (String key : Messages.bundle(Language.NL).keySet()) {
            if (key.startsWith(prefix + ".usage.") && key.substring(prefix.length() + ".usage.".length())
                    .matches("(description|header)(\\.\\d+)?")) {
                keys.add(key);
            }
        }
        for (ArgSpec arg : spec.args()) {
            String key = arg.descriptionKey();
            if ((key == null || key.isEmpty()) && arg instanceof OptionSpec option) {
                key = option.longestName().replaceFirst("^-+", "");
            }
            keys.add(key);
            keys.add(prefix + "." + key);
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec().parent() == spec) {
                collectHelpKeys(sub.getCommandSpec(), keys);
            }
        }
    }

    /** The arguments of the call whose opening parenthesis ends at {@code start}, split at top-level commas. */
    private static List<String> topLevelArguments(String code, int start) {
        List<String> args = new ArrayList<>();
        int depth = 1;
        boolean inString = false;
        int from = start;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                args.add(code.substring(from, i));
                return args;
            } else if (c == ',' && depth == 1) {
                args.add(code.substring(from, i));
                from = i + 1;
            }
        }
        return args;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
