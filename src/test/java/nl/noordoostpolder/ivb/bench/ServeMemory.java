package nl.noordoostpolder.ivb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running Java process, measured from outside, for the preview benchmark: whether a long editing
 * session makes the preview's heap grow. The live heap is what is left after a full collection ({@code jcmd PID
 * GC.run}, then {@code GC.heap_info}); the resident set comes from {@code /proc/PID/status}. Linux only, and the
 * process must run as the same user with the same JDK's attach mechanism.
 */
final class ServeMemory {

    /** One measurement: live heap after a full GC, resident set now, and the resident set's high-water mark (KiB). */
    record Sample(long heapUsedKb, long rssKb, long peakRssKb) {
    }

    /** {@code total 40960K, used 5957K}: G1 prints one such line, Parallel and Serial one per generation. */
    private static final Pattern TOTAL_USED = Pattern.compile("total \\d+[KMG], used (\\d+)([KMG])");
    /** ZGC: {@code ZHeap used 8M, capacity 48M, max capacity 1024M}. */
    private static final Pattern ZGC_USED = Pattern.compile("^\\s*ZHeap\\s+used (\\d+)([KMG])", Pattern.MULTILINE);
    /** Shenandoah: {@code 1024M max, 1024M soft max, 48M committed, 9M used}. */
    private static final Pattern USED_AFTER = Pattern.compile("(\\d+)([KMG]) used");

    private final long pid;
    private final Path jcmd;

    ServeMemory(long pid) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    Sample sample() throws IOException, InterruptedException {
        jcmd("GC.run");
        long used = heapUsedKb(jcmd("GC.heap_info"));
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
        return new Sample(used, statusKb(status, "VmRSS"), statusKb(status, "VmHWM"));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroy();
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }

    /**
     * The heap in use according to {@code GC.heap_info}, summed over the generations of collectors that print more
     * than one; the lines from {@code Metaspace} on describe class metadata, not the heap, and are not counted.
     */
    static long heapUsedKb(String heapInfo) {
        int metaspace = heapInfo.indexOf("Metaspace");
        String heap = metaspace < 0 ? heapInfo : heapInfo.substring(0, metaspace);
        long sum = 0;
        boolean found = false;
        Matcher m = TOTAL_USED.matcher(heap);
        while (m.find()) {
            sum += kb(m.group(1), m.group(2));
            found = true;
        }
        if (found) {
            return sum;
        }
        for (Pattern other : new Pattern[] {ZGC_USED, USED_AFTER}) {
            Matcher o = other.matcher(heap);
            if (o.find()) {
                return kb(o.group(1), o.group(2));
            }
        }
        throw new IllegalArgumentException("no heap usage in GC.heap_info output:\n" + heapInfo);
    }

    /** A {@code Name:   1234 kB} line of {@code /proc/PID/status}. */
    static long statusKb(String status, String field) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(field) + ":\\s+(\\d+) kB").matcher(status);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in /proc status:\n" + status);
        }
        return Long.parseLong(m.group(1));
    }

    private static long kb(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n;
            case "M" -> n * 1024;
            default -> n * 1024 * 1024;
        };
    }
}
