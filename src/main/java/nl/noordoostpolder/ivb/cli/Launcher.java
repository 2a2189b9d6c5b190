package nl.noordoostpolder.ivb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entry point of {@code java -jar ivb.jar}: starts the real command in a second JVM tuned for this job.
 * <p>
 * A bake of a few dozen pages is dominated by JVM and JRuby start-up, not by work: with a class-data-sharing
 * archive of the classes a bake loads ({@code ivb.jsa}, written next to the jar by {@code mvn package}), the C1
 * compiler only and the serial collector, the real site bakes with less than half the CPU time. Large sites keep
 * JRuby's own JIT, which pays off there. {@code java -jar} cannot pass JVM options itself, hence the
 * second JVM; this class uses only JDK classes so that the first one starts in a fraction of a second.
 * <p>
 * Set {@code IVB_NO_FORK=1} to run in this JVM; {@code IVB_JAVA_OPTS} adds options to the second JVM.
 */
public final class Launcher {

    /** Above this many pages JRuby's JIT pays for its start-up cost. */
    static final int LARGE_SITE = 1500;

    private Launcher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Boolean.getBoolean("ivb.launched") || System.getenv("IVB_NO_FORK") != null) {
            Main.main(args);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(args));
        command.add("-Divb.launched=true");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("ivb."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        System.exit(exit);
    }

    static List<String> jvmOptions(String[] args) {
        List<String> options = new ArrayList<>();
        options.add("-Xss8m"); // Asciidoctor (JRuby) recurses deeply on deeply nested lists and tables
        options.add("-XX:+UseSerialGC");
        // JRuby makes classes as it goes: without room for them, metaspace fills twice and each time stops the bake
        // for a full collection (about 100 ms at 1000 pages); and a library's System.gc() at the end costs 100 ms more
        options.add("-XX:MetaspaceSize=256m");
        options.add("-XX:+DisableExplicitGC");
        options.add("-Djruby.cli.rubygems.enable=false"); // Asciidoctor is loaded from its own path, see AsciidoctorGem
        String extra = System.getenv("IVB_JAVA_OPTS");
        boolean dumping = extra != null && extra.contains("ArchiveClassesAtExit");
        Path archive = archive();
        if (archive != null && !dumping) {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-Xlog:cds=off");
            options.add("-Xlog:cds+dynamic=off");
        }
        // On two cores the optimising C2 compiler takes CPU time from a bake itself: measured 14 s against 21-25 s at
        // 1000 pages and 44 s against 49-53 s at 5000 pages (bench/run.sh), so C1 only at every size. The preview
        // runs for hours and rebuilds the same way on every save, which C2 pays back: an edit at 1000 pages is served
        // in a median 0.47 s against 0.62 s with C1 only (bench PreviewLatency).
        if (!isServe(args)) {
            options.add("-XX:TieredStopAtLevel=1");
        } else {
            // the preview holds one site and runs for hours: give back the heap a search index took once it is
            // written, instead of keeping it for good (5000 pages, 20 edits: peak RSS 731 MiB against 887 MiB)
            options.add("-XX:MaxHeapFreeRatio=30");
            options.add("-XX:MinHeapFreeRatio=10");
        }
        if (pageCount(args) <= LARGE_SITE) {
            options.add("-Djruby.compile.mode=OFF"); // JRuby's own JIT costs more than it saves on a small site
        }
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    private static boolean isServe(String[] args) {
        return LanguageOption.command(args).equals("serve");
    }

    private static Path archive() {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jsa = Path.of(classPath).toAbsolutePath().resolveSibling("ivb.jsa");
        return Files.isRegularFile(jsa) ? jsa : null;
    }

    /** The number of pages in the source folder named on the command line (or the working folder). */
    static long pageCount(String[] args) {
        Path source = Path.of(".");
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("-") && !args[i - 1].matches("--(out|port|host|base-url|theme|date|threads|lang)")
                    && Files.isDirectory(Path.of(args[i], "content"))) {
                source = Path.of(args[i]);
            }
        }
        Path content = source.resolve("content");
        if (!Files.isDirectory(content)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(p -> p.toString().endsWith(".adoc")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
