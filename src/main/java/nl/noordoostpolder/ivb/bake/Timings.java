package nl.noordoostpolder.ivb.bake;

/** Prints when each phase of a bake ends, for tuning: enabled with {@code -Divb.timings=true}. */
final class Timings {

    private static final boolean ON = Boolean.getBoolean("ivb.timings");
    private static final long START = System.nanoTime();

    private Timings() {
    }

    static void mark(String phase) {
        if (ON) {
            System.err.printf("[%6d ms] %s (%s)%n", (System.nanoTime() - START) / 1_000_000, phase,
                    Thread.currentThread().getName());
        }
    }
}
