package nl.noordoostpolder.ivb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void printsAsFileLineErrorMessage() {
        assertEquals("content/trends/x.adoc:4: error: unknown theme 'cyber'.",
                new Problem("content/trends/x.adoc", 4, "unknown theme 'cyber'.").toString());
        assertEquals("content: error: no folder.", Problem.ofFile("content", "no folder.").toString());
        assertEquals("content/x.adoc:1: error: binary.", Problem.atStart("content/x.adoc", "binary.").toString());
    }

    @Test
    void isAlwaysOneLineWhateverTheFileNameHolds() {
        assertEquals("content/a?b.adoc:1: error: name 'a?b' with a tab  in it.",
                new Problem("content/a\nb.adoc", 1, "name 'a\rb' with a tab\t in it.").toString());
    }

    @Test
    void sortsByFileThenLine() {
        Problems problems = new Problems();
        problems.add("content/b.adoc", 1, "b1");
        problems.add("content/a.adoc", 10, "a10");
        problems.add("content/a.adoc", 2, "a2");
        problems.add("content/a.adoc", 2, "a2");
        assertEquals(List.of("a2", "a10", "b1"), problems.list().stream().map(Problem::message).toList());
        ContentException e = assertThrows(ContentException.class, problems::throwIfAny);
        assertEquals(3, e.problems().size());
    }

    @Test
    void aNegativeLineIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new Problem("x", -1, "m"));
    }
}
