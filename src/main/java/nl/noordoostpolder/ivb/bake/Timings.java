package nl.noordoostpolder.ivb.bake;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Prints when each phase of a bake ends, and the time spent per kind of work summed over all threads, for tuning:
 * enabled with {@code -Divb.timings=true}. Off, it costs one boolean test per call.
 */
final class Timings {

    private static final boolean ON = Boolean.getBoolean("ivb.timings");
    private static final long START = System.nanoTime();
    private static final Map<String, LongAdder> SPENT = new ConcurrentSkipListMap<>();

    private Timings() {
    }

    static void mark(String phase) {
        if (ON) {
            System.err.printf("[%6d ms] %s (%s)%n", (System.nanoTime() - START) / 1_000_000, phase,
                    Thread.currentThread().getName());
        }
    }

    /** Runs {@code work} and adds its time to {@code kind}. */
    static <T> T time(String kind, Supplier<T> work) {
        if (!ON) {
            return work.get();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            SPENT.computeIfAbsent(kind, k -> new LongAdder()).add(System.nanoTime() - start);
        }
    }

    /** Prints the time per kind of work, summed over threads. */
    static void report() {
        if (ON) {
            SPENT.forEach((kind, nanos) -> System.err.printf("           %s: %d ms in all threads%n", kind,
                    nanos.sum() / 1_000_000));
        }
    }
}
