package nl.noordoostpolder.ivb.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * Decides which {@code include::} directives may run, before Asciidoctor sees them. An include may only read a
 * shared text file inside {@code content/} whose name (or folder) starts with {@code _}, named by a path relative to
 * the page; an absolute path, a web address, an attribute in the path, a path that climbs out of {@code content/}
 * or an include of another page is refused with its line. Asciidoctor's SAFE mode would quietly rewrite some of
 * these and read the wrong file; an editor should hear that the include cannot work.
 * <p>
 * Asciidoctor resolves the includes of a page converted from a string against its base folder ({@code content/}),
 * while editors and their previews resolve them against the page. {@link #prepare} therefore rewrites every allowed
 * target to its path from {@code content/}, keeping the line numbers.
 */
public final class IncludeGuard {

    /**
     * An include at the start of a line, at the start of an AsciiDoc table cell ({@code a|include::x[]}), or as the
     * content of a one-line condition ({@code ifdef::x[include::y[]]}).
     */
    private static final Pattern INCLUDE = Pattern.compile("(^|[|!]\\s*|^ifn?def::[^\\[]*\\[)(\\\\?)include::([^\\[]*)\\[");

    private IncludeGuard() {
    }

    /**
     * Checks the includes of a page and returns its text with every include target rewritten relative to
     * {@code contentRoot}; empty when an include was refused (the problems are reported).
     */
    public static Optional<String> prepare(SourceFile source, Path contentRoot, Problems problems) {
        Path dir = source.file().toAbsolutePath().normalize().getParent();
        Path root = contentRoot.toAbsolutePath().normalize();
        List<String> lines = source.lines();
        StringBuilder text = new StringBuilder(source.text().length() + 64);
        boolean refused = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = INCLUDE.matcher(line);
            int last = 0;
            while (m.find()) {
                if (!m.group(2).isEmpty()) {
                    continue; // \include:: is shown as text
                }
                String target = m.group(3).strip();
                String why = refusal(target, dir, root);
                if (why != null) {
                    problems.add(source.path(), i + 1, "include of '" + target + "' refused: " + why
                            + " Only shared text in content/ whose file or folder name starts with _ can be included, "
                            + "with a path relative to this page, for example include::_gedeeld/tekst.adoc[].");
                    refused = true;
                    continue;
                }
                String fromRoot = root.relativize(dir.resolve(target).normalize()).toString().replace('\\', '/');
                text.append(line, last, m.start(3)).append(fromRoot);
                last = m.end(3);
            }
            text.append(line, last, line.length());
            if (i < lines.size() - 1) {
                text.append('\n');
            }
        }
        return refused ? Optional.empty() : Optional.of(text.toString());
    }

    /** Reports every include of {@code source} that may not run; for shared text files, which are not rewritten. */
    public static void check(SourceFile source, Path contentRoot, Problems problems) {
        prepare(source, contentRoot, problems);
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
        Path resolved;
        try {
            resolved = dir.resolve(target).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return "it is not a valid path.";
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            return "it points outside content/.";
        }
        if (!SourceTree.isFragment(root.relativize(resolved))) {
            return "it is not shared text (its name does not start with _); a page cannot include a page.";
        }
        return null;
    }
}
