package nl.noordoostpolder.ivb.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
