package nl.noordoostpolder.ivb.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the sources cannot be baked; carries every problem found, each with its file and line.
 * The command line prints {@link #problems()} one per line and exits non-zero.
 */
public class ContentException extends RuntimeException {

    private final List<Problem> problems;

    public ContentException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ContentException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
