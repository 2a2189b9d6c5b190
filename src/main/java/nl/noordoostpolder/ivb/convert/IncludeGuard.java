package nl.noordoostpolder.ivb.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.source.SourceReader;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

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

    /** More files than this through one include, counting the includes in included text, is a mistake. */
    public static final int MAX_INCLUDED_FILES = 200;
    private static final long HUGE = 1_000_000;

    private IncludeGuard() {
    }

    /**
     * Checks the includes of a page and returns its text with every include target rewritten relative to
     * {@code contentRoot}; empty when an include was refused (the problems are reported).
     */
    public static Optional<String> prepare(SourceFile source, Path contentRoot, Problems problems) {
        if (!source.text().contains("include::")) {
            return Optional.of(String.join("\n", source.lines())); // most pages: no line to look at
        }
        Path dir = source.file().toAbsolutePath().normalize().getParent();
        Path root = contentRoot.toAbsolutePath().normalize();
        List<String> lines = source.lines();
        StringBuilder text = new StringBuilder(source.text().length() + 64);
        Expansion expansion = new Expansion(root);
        java.util.Set<Path> reported = new java.util.HashSet<>();
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
                    problems.add(source.path(), i + 1, Messages.get("include.refused.rule", target, why));
                    refused = true;
                    continue;
                }
                Path resolved = dir.resolve(target).normalize();
                String runaway = expansion.check(resolved);
                if (runaway != null) {
                    if (reported.add(resolved)) { // the same include again is the same mistake
                        problems.add(source.path(), i + 1, Messages.get("include.refused", target, runaway));
                    }
                    refused = true;
                    continue;
                }
                String fromRoot = root.relativize(resolved).toString().replace('\\', '/');
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

    /**
     * What the includes of shared text read in turn. Asciidoctor stops a loop only after 16 levels, and shared text
     * that includes the next file ten times, sixteen levels deep, would keep it busy for ever; both are refused
     * before it starts.
     */
    private static final class Expansion {

        private final Path root;
        private final Map<Path, Long> counted = new HashMap<>();
        private final Deque<Path> stack = new ArrayDeque<>();
        private List<Path> loop;

        Expansion(Path root) {
            this.root = root;
        }

        /** Null when including {@code file} is fine, else why not. */
        String check(Path file) {
            long files = count(file);
            if (files < 0) {
                return Messages.get("include.loop", loop.stream().map(this::show).collect(Collectors.joining(" -> ")));
            }
            if (files > MAX_INCLUDED_FILES) {
                return Messages.get("include.too-many", files >= HUGE ? Messages.get("include.millions")
                        : String.valueOf(files), MAX_INCLUDED_FILES);
            }
            return null;
        }

        private String show(Path file) {
            return "content/" + root.relativize(file).toString().replace('\\', '/');
        }

        /** How many files including {@code file} reads, itself included; -1 for a loop. */
        private long count(Path file) {
            if (stack.contains(file)) {
                List<Path> chain = new ArrayList<>(stack);
                java.util.Collections.reverse(chain);
                loop = new ArrayList<>(chain.subList(chain.indexOf(file), chain.size()));
                loop.add(file);
                return -1;
            }
            Long known = counted.get(file);
            if (known != null) {
                return known;
            }
            stack.push(file);
            long files = 1;
            for (Path next : includesOf(file)) {
                long more = count(next);
                if (more < 0) {
                    stack.pop();
                    return -1;
                }
                files = Math.min(HUGE, files + more);
            }
            stack.pop();
            counted.put(file, files);
            return files;
        }

        private List<Path> includesOf(Path file) {
            String text;
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > SourceReader.MAX_BYTES) {
                    return List.of();
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of(); // reported when the shared text itself is checked
            }
            List<Path> targets = new ArrayList<>();
            Path dir = file.getParent();
            for (String line : text.split("\r?\n|\r")) {
                Matcher m = INCLUDE.matcher(line);
                while (m.find()) {
                    String target = m.group(3).strip();
                    if (m.group(2).isEmpty() && refusal(target, dir, root) == null) {
                        targets.add(dir.resolve(target).normalize());
                    }
                }
            }
            return targets;
        }
    }

    private static String refusal(String target, Path dir, Path root) {
        if (target.isEmpty()) {
            return Messages.get("include.no-file");
        }
        if (target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return target.matches("^[A-Za-z]:[\\\\/].*") ? Messages.get("include.absolute") : Messages.get("include.url");
        }
        if (target.startsWith("/") || target.startsWith("\\") || target.startsWith("~")) {
            return Messages.get("include.absolute");
        }
        if (target.contains("{")) {
            return Messages.get("include.attribute");
        }
        Path resolved;
        try {
            resolved = dir.resolve(target).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Messages.get("include.invalid");
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            return Messages.get("include.outside");
        }
        if (!SourceTree.isFragment(root.relativize(resolved))) {
            return Messages.get("include.page");
        }
        return null;
    }
}
