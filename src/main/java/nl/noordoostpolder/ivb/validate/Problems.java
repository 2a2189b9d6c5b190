package nl.noordoostpolder.ivb.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects every problem of a run so that an editor sees them all at once instead of one per build.
 * Thread-safe: pages are converted in parallel and report here.
 */
public final class Problems {

    private final TreeSet<Problem> problems = new TreeSet<>();

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public void add(String path, int line, String message) {
        add(new Problem(path, line, message));
    }

    public synchronized void addAll(Iterable<Problem> more) {
        more.forEach(problems::add);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    public synchronized int size() {
        return problems.size();
    }

    /** The problems in file and line order. */
    public synchronized List<Problem> list() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** Throws a {@link ContentException} carrying every problem, if there are any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ContentException(list());
        }
    }
}
