package nl.noordoostpolder.ivb.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Keeps {@code docs/redactie.md} complete: every message the tool can print for an editor must be explained there,
 * and every header attribute of every page type must be described. New messages in the code fail this test until
 * the guide explains them.
 */
class EditorGuideTest {

    /** Calls that produce a message for the editor; their string literals are the message. */
    private static final Pattern MESSAGE_CALL = Pattern.compile(
            "(problems\\.add|new Problem|Problem\\.ofFile|usage|report|HINTS\\.put|err\\.printf|err\\.println"
                    + "|getErr\\(\\)\\.println|new IllegalArgumentException)\\(");
    /** In these files the reasons of a refused link or include are returned as text. */
    private static final List<String> RETURNED_REASONS = List.of("LinkChecker.java", "IncludeGuard.java");
    private static final Pattern RETURN = Pattern.compile("return ([^;]*\"[^;]*);");
    private static final int SHORTEST_CHECKED = 12;
    /**
     * Texts that never reach an editor: a programming error, the decoding of a browser's request (answered 400), and
     * the tuning figures of {@code -Divb.timings=true}.
     */
    private static final List<String> NOT_FOR_EDITORS = List.of("Problem.java", "RequestPath.java", "Timings.java");

    private final Path project = SiteUnderTest.projectDir();

    @Test
    void everyMessageTheToolCanGiveIsExplained() throws IOException {
        String guide = normalize(Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !NOT_FOR_EDITORS.contains(f.getFileName().toString())).sorted().toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                List<String> arguments = new ArrayList<>();
                Matcher call = MESSAGE_CALL.matcher(code);
                while (call.find()) {
                    arguments.add(argumentsAt(code, call.end()));
                }
                if (RETURNED_REASONS.contains(file.getFileName().toString())) {
                    Matcher r = RETURN.matcher(code);
                    while (r.find()) {
                        arguments.add(r.group(1));
                    }
                }
                for (String args : arguments) {
                    String message = longestText(args);
                    if (message.length() < SHORTEST_CHECKED || !message.contains(" ")) {
                        continue;
                    }
                    checked++;
                    if (!guide.contains(normalize(message))) {
                        missing.add(project.relativize(file) + ": \"" + message + "\"");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/redactie.md does not explain these messages (quote them there):\n"
                + String.join("\n", missing));
        assertTrue(checked >= 60, "only " + checked + " messages found; is the scan still working?");
    }

    @Test
    void everyHeaderAttributeOfEveryTypeIsDescribed() throws IOException {
        String guide = Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8);
        for (DocType type : DocType.values()) {
            assertTrue(guide.contains("`" + type.id() + "`"), type.id());
            for (AttributeSpec spec : type.attributes()) {
                assertTrue(guide.contains("`" + spec.headerName() + "`"), spec.headerName());
            }
        }
    }

    @Test
    void theGuideCoversWhatAnEditorDoes() throws IOException {
        String guide = Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8);
        for (String topic : List.of("## 3. Uw wijziging meteen zien: het voorbeeld", "## 4. Een nieuwe pagina beginnen",
                "## 5. Een trend toevoegen aan een thema", "### Een thema toevoegen", "### Een sessie toevoegen",
                "### Een mijlpaal toevoegen", "## 7. De kopregels", "### Kopjes", "### Lijsten", "### Tabellen",
                "### Links naar andere pagina's", "### Plaatjes", "### Opmerkingen in een kader", "### Publiceren",
                "## 11. Alle foutmeldingen", "java -jar target/ivb.jar serve", "java -jar target/ivb.jar new trend")) {
            assertTrue(guide.contains(topic), topic);
        }
    }

    /** The text between the opening parenthesis at {@code start} and its closing one, strings skipped. */
    private static String argumentsAt(String code, int start) {
        int depth = 1;
        boolean inString = false;
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
                return code.substring(start, i);
            }
        }
        return "";
    }

    /**
     * The longest piece of fixed text in an argument list: adjacent literals joined by {@code +} count as one, and
     * format specifiers such as {@code %s} split a literal.
     */
    private static String longestText(String args) {
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\+)|(\\S)").matcher(args);
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean lastWasLiteral = false;
        while (m.find()) {
            if (m.group(1) != null) {
                if (!lastWasLiteral) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
                current.append(unescape(m.group(1)));
                lastWasLiteral = true;
            } else if (m.group(2) != null) {
                // a plus keeps the run going only between two literals
            } else {
                lastWasLiteral = false;
            }
        }
        pieces.add(current.toString());
        String longest = "";
        for (String piece : pieces) {
            for (String part : piece.split("%(?:\\.\\d+)?[sdfn]")) {
                if (part.length() > longest.length()) {
                    longest = part;
                }
            }
        }
        return longest;
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
