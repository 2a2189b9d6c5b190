package nl.noordoostpolder.ivb.convert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Refuses pages whose blocks or lists nest deeper than any page needs, before Asciidoctor parses them: Asciidoctor
 * parses nesting by recursion, and a few hundred levels overflow the stack of the converting thread. A limit checked
 * on the source gives the editor a line to look at, the same on every machine.
 */
public final class NestingGuard {

    /** Deeper than any readable page, far below what overflows Asciidoctor. */
    public static final int MAX_BLOCK_DEPTH = 20;
    public static final int MAX_LIST_DEPTH = 20;

    /** A delimiter line of a compound or verbatim block: {@code ====}, {@code ****}, {@code ----}, {@code |===}, ... */
    private static final Pattern DELIMITER = Pattern.compile("^(?:={4,}|\\*{4,}|_{4,}|-{4,}|\\.{4,}|\\+{4,}|/{4,}|--|[|!,:]={3,})\\s*$");
    /** Blocks whose content Asciidoctor does not parse, so nothing nests inside them. */
    private static final Pattern VERBATIM = Pattern.compile("^(?:-{4,}|\\.{4,}|\\+{4,}|/{4,})\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(\\*+|\\.+|-)\\s+\\S.*");

    private NestingGuard() {
    }

    /** Reports the first line that goes too deep; true when the page is within the limits. */
    public static boolean check(SourceFile source, Problems problems) {
        List<String> lines = source.lines();
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (!open.isEmpty() && line.equals(open.peek())) {
                open.pop();
                continue;
            }
            if (!open.isEmpty() && VERBATIM.matcher(open.peek()).matches()) {
                continue;
            }
            if (DELIMITER.matcher(line).matches()) {
                open.push(line);
                if (open.size() > MAX_BLOCK_DEPTH) {
                    problems.add(source.path(), i + 1, Messages.get("nesting.blocks", open.size(), MAX_BLOCK_DEPTH));
                    return false;
                }
                continue;
            }
            var item = LIST_ITEM.matcher(line);
            if (item.matches() && item.group(1).length() > MAX_LIST_DEPTH) {
                problems.add(source.path(), i + 1, Messages.get("nesting.list", item.group(1).length(), MAX_LIST_DEPTH));
                return false;
            }
        }
        return true;
    }
}
