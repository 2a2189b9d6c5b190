package nl.noordoostpolder.ivb.scaffold;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.source.Header;
import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The sentences {@code new} writes for the editor to replace, and the check that none of them is published.
 * <p>
 * They have one home, {@link PageTemplate}: every line of a template (summary or body) that starts with
 * "Schrijf hier" or "Leg hier uit" is a placeholder. A published page that still holds one fails {@code check},
 * {@code build} and the preview with its file and line; a draft may keep them while it is being written.
 */
public final class Placeholders {

    /** How a sentence the editor must replace begins, in every template. */
    static final List<String> OPENINGS = List.of("Schrijf hier", "Leg hier uit");

    private static final Set<String> SENTENCES = collect();

    private Placeholders() {
    }

    /** Every placeholder sentence of every template, in template order. */
    public static Set<String> sentences() {
        return SENTENCES;
    }

    /** Reports each line of a published page that still holds a placeholder sentence. */
    public static void check(SourceFile source, Header header, boolean published, Problems problems) {
        if (!published) {
            return;
        }
        List<String> lines = source.lines();
        int firstBodyLine = header.bodyLine() <= 0 ? 1 : header.bodyLine();
        for (Header.Value value : header.attributes().values()) {
            report(source, value.line(), value.text(), problems);
        }
        for (int i = Math.max(0, firstBodyLine - 1); i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("//")) {
                report(source, i + 1, line, problems);
            }
        }
    }

    private static void report(SourceFile source, int line, String text, Problems problems) {
        for (String sentence : SENTENCES) {
            if (text.contains(sentence)) {
                problems.add(source.path(), Math.max(1, line), Messages.get("placeholder.left", sentence));
                return;
            }
        }
    }

    private static Set<String> collect() {
        Set<String> found = new LinkedHashSet<>();
        for (DocType type : DocType.values()) {
            String text = PageTemplate.summary(type) + "\n" + PageTemplate.body(type);
            for (String line : text.split("\n")) {
                String sentence = line.strip();
                if (OPENINGS.stream().anyMatch(sentence::startsWith)) {
                    found.add(sentence);
                }
            }
        }
        return java.util.Collections.unmodifiableSet(found);
    }
}
