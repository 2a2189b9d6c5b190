package nl.noordoostpolder.ivb.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Refuses {@code include::} directives that read from outside {@code content/} before Asciidoctor sees them: an
 * absolute path, a URL, or a relative path that climbs out of the content folder. Asciidoctor's SAFE mode would
 * quietly rewrite such paths; an editor should hear that the include cannot work.
 */
public final class IncludeGuard {

    private static final Pattern INCLUDE = Pattern.compile("^\\\\?include::([^\\[]*)\\[");

    private IncludeGuard() {
    }

    /** Reports every include of {@code source} that does not stay inside {@code contentRoot}. */
    public static void check(SourceFile source, Path contentRoot, Problems problems) {
        List<String> lines = source.lines();
        Path dir = source.file().toAbsolutePath().normalize().getParent();
        Path root = contentRoot.toAbsolutePath().normalize();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = INCLUDE.matcher(lines.get(i));
            if (!m.find() || lines.get(i).startsWith("\\")) {
                continue;
            }
            String target = m.group(1).trim();
            String why = refusal(target, dir, root);
            if (why != null) {
                problems.add(source.path(), i + 1, "include of '" + target + "' refused: " + why
                        + " Only files inside content/ can be included, with a path relative to this page.");
            }
        }
    }

    private static String refusal(String target, Path dir, Path root) {
        if (target.isEmpty()) {
            return "the include names no file.";
        }
        if (target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return target.matches("^[A-Za-z]:[\\\\/].*") ? "it is an absolute path." : "it is a web address.";
        }
        if (target.startsWith("/") || target.startsWith("\\") || target.startsWith("~")) {
            return "it is an absolute path.";
        }
        if (target.contains("{")) {
            return "the path contains an attribute reference; write the path itself.";
        }
        Path resolved = dir.resolve(target).normalize();
        if (!resolved.startsWith(root)) {
            return "it points outside content/.";
        }
        return null;
    }
}
