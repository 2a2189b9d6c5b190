package nl.noordoostpolder.ivb.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Reads the header of an AsciiDoc page the way an editor means it, and says so when the page says something else.
 * <p>
 * JBake silently drops a page whose header it cannot read; this parser reports each mistake with its line instead:
 * a missing title, an attribute written without its closing colon, an attribute after the blank line that ends the
 * header, or the same attribute twice.
 */
public final class HeaderParser {

    private static final Pattern ATTRIBUTE = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*)(!?):(?:[ \\t]+(.*))?$");
    private static final Pattern ALMOST_ATTRIBUTE = Pattern.compile("^:(jbake-[A-Za-z0-9_-]+)\\b.*");
    /** A line that opens or closes a delimited block (listing, literal, passthrough, comment, ...). */
    private static final Pattern BLOCK_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,}|_{4,}|={4,}|\\*{4,})\\s*$");
    private static final Pattern TITLE = Pattern.compile("^=[ \\t]+(.*\\S)\\s*$");

    private HeaderParser() {
    }

    public static Header parse(SourceFile source, Problems problems) {
        List<String> lines = source.lines();
        String path = source.path();
        int i = 0;
        while (i < lines.size() && (lines.get(i).isBlank() || isComment(lines.get(i)))) {
            i++;
        }
        if (i >= lines.size()) {
            problems.add(path, 1, "the file is empty. A page starts with a title line such as '= Titel van de pagina'.");
            return new Header("", 0, Map.of(), lines.size() + 1);
        }
        String title = "";
        int titleLine = 0;
        Matcher t = TITLE.matcher(lines.get(i));
        if (t.matches()) {
            title = t.group(1).trim();
            titleLine = i + 1;
            i++;
        } else if (lines.get(i).startsWith("=")) {
            problems.add(path, i + 1, "the title is empty. Write the title after '= ', for example '= Cybercrime'.");
            titleLine = i + 1;
            i++;
        } else {
            problems.add(path, i + 1, "the page has no title. The first line must be the title, for example '= Cybercrime'.");
        }
        Map<String, Header.Value> attributes = new LinkedHashMap<>();
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            if (isComment(line)) {
                continue;
            }
            Matcher a = ATTRIBUTE.matcher(line);
            if (a.matches()) {
                addAttribute(a, i + 1, attributes, path, problems);
            } else if (line.startsWith(":")) {
                problems.add(path, i + 1, "this header line is not a valid attribute. Write it as ':naam: waarde', "
                        + "with a colon before and after the name.");
            } else {
                problems.add(path, i + 1, "unexpected text in the page header. The header is the title and the "
                        + "':naam: waarde' lines under it; leave a blank line before the text of the page.");
            }
        }
        int bodyLine = i + 1;
        reportAttributesInBody(lines, i, path, problems);
        return new Header(title, titleLine, attributes, bodyLine);
    }

    private static void addAttribute(Matcher a, int line, Map<String, Header.Value> attributes, String path,
                                     Problems problems) {
        String name = a.group(1);
        if (!name.startsWith(AttributeSpec.PREFIX)) {
            return; // an ordinary AsciiDoc attribute; Asciidoctor handles it
        }
        String key = name.substring(AttributeSpec.PREFIX.length());
        String value = a.group(3) == null ? "" : a.group(3).trim();
        if (attributes.containsKey(key)) {
            problems.add(path, line, "':" + name + ":' is set twice (also on line " + attributes.get(key).line()
                    + "). Keep one of the two.");
            return;
        }
        attributes.put(key, new Header.Value(value, line));
    }

    private static void reportAttributesInBody(List<String> lines, int from, String path, Problems problems) {
        boolean inBlock = false;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (BLOCK_DELIMITER.matcher(line).matches()) {
                inBlock = !inBlock;
            }
            if (!inBlock && ALMOST_ATTRIBUTE.matcher(line).matches()) {
                problems.add(path, i + 1, "'" + line.split("\\s")[0] + "' stands after the blank line that ends the "
                        + "header, so it is ignored. Move it up into the header, directly under the title.");
            }
        }
    }

    private static boolean isComment(String line) {
        return line.startsWith("//") && !line.startsWith("////");
    }
}
