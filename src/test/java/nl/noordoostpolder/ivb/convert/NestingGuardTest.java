package nl.noordoostpolder.ivb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;

class NestingGuardTest {

    private final Problems problems = new Problems();

    private boolean check(String text) {
        return NestingGuard.check(SourceFile.of(Path.of("x.adoc"), "content/x.adoc", text), problems);
    }

    private static String nestedBlocks(int depth) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append("=".repeat(4 + i)).append('\n');
        }
        s.append("tekst\n");
        for (int i = depth - 1; i >= 0; i--) {
            s.append("=".repeat(4 + i)).append('\n');
        }
        return s.toString();
    }

    @Test
    void blocksUpToTheLimitPass() {
        assertTrue(check(nestedBlocks(NestingGuard.MAX_BLOCK_DEPTH)), problems.list().toString());
    }

    @Test
    void oneLevelTooDeepIsReportedAtItsLine() {
        assertFalse(check(nestedBlocks(NestingGuard.MAX_BLOCK_DEPTH + 1)));
        assertEquals(NestingGuard.MAX_BLOCK_DEPTH + 1, problems.list().get(0).line());
    }

    @Test
    void blocksAfterEachOtherDoNotAddUp() {
        assertTrue(check("====\na\n====\n".repeat(100) + "----\nb\n----\n".repeat(100)));
    }

    @Test
    void delimiterLinesInsideAListingBlockAreText() {
        String inner = "====\n".repeat(50);
        assertTrue(check("----\n" + inner + "----\n"), problems.list().toString());
    }

    @Test
    void deepListsAreReported() {
        assertTrue(check("* a\n** b\n" + "*".repeat(NestingGuard.MAX_LIST_DEPTH) + " c\n"));
        assertFalse(check("* a\n" + ".".repeat(NestingGuard.MAX_LIST_DEPTH + 1) + " te diep\n"));
        assertEquals(2, problems.list().get(0).line());
    }
}
