package nl.noordoostpolder.ivb.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Keeps {@code docs/redactie.md} complete: every message the tool can show an editor must be quoted in its chapter 11
 * ("Alle foutmeldingen en wat u eraan doet") in Dutch, the default language, and every header attribute of every page
 * type must be described. A new message in the catalogue fails this test until the guide explains it.
 */
class EditorGuideTest {

    /**
     * Keys of the catalogue that an editor does not read as a message: the texts of {@code --help}, which picocli
     * reads itself ({@code usage.*} headings, {@code ivb.<command>.*}, the standard and inherited options).
     */
    private static final Pattern HELP_TEXT = Pattern.compile(
            "usage\\..*|ivb(\\..*)?|mixinStandardHelpOptions\\..*|helpCommand\\..*|lang|sourceDir|verbose|threads");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private final Path project = SiteUnderTest.projectDir();

    @Test
    void everyMessageTheToolCanGiveIsQuotedInDutchInChapter11() throws IOException {
        String guide = Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8);
        int start = guide.indexOf("## 11. Alle foutmeldingen");
        assertTrue(start >= 0, "docs/redactie.md has no chapter '## 11. Alle foutmeldingen'");
        int end = guide.indexOf("\n## ", start + 1);
        String chapter = normalize(end < 0 ? guide.substring(start) : guide.substring(start, end));
        ResourceBundle dutch = Messages.bundle(Language.NL);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String key : new TreeSet<>(dutch.keySet())) {
            if (HELP_TEXT.matcher(key).matches()) {
                continue;
            }
            checked++;
            String quoted = normalize(PLACEHOLDER.matcher(dutch.getString(key)).replaceAll("\u2026"));
            if (!chapter.contains(quoted)) {
                missing.add(key + ": " + quoted);
            }
        }
        assertTrue(missing.isEmpty(), "chapter 11 of docs/redactie.md does not quote these " + missing.size()
                + " messages (quote each in Dutch, with \u2026 for every {n}, and say what to do):\n"
                + String.join("\n", missing));
        assertTrue(checked >= 150, "only " + checked + " messages checked; is the catalogue still read?");
    }

    @Test
    void theGuideSaysTheMessagesAreDutchAndHowToGetEnglish() throws IOException {
        String guide = Files.readString(project.resolve("docs/redactie.md"), StandardCharsets.UTF_8);
        assertTrue(guide.contains("--lang en"), "the guide names --lang en");
        assertFalse(guide.contains("De meldingen zijn in het Engels"), "the messages are Dutch now");
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

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
