package nl.noordoostpolder.ivb.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

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
            problems.add(path, 1, Messages.get("header.file.empty"));
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
            problems.add(path, i + 1, Messages.get("header.title.empty"));
            titleLine = i + 1;
            i++;
        } else {
            problems.add(path, i + 1, Messages.get("header.title.missing"));
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
                problems.add(path, i + 1, Messages.get("header.line.invalid"));
            } else {
                problems.add(path, i + 1, Messages.get("header.text.unexpected"));
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
            problems.add(path, line, Messages.get("header.attribute.twice", ":" + name + ":", attributes.get(key).line()));
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
                problems.add(path, i + 1, Messages.get("header.attribute.late", line.split("\\s")[0]));
            }
        }
    }

    private static boolean isComment(String line) {
        return line.startsWith("//") && !line.startsWith("////");
    }
}
