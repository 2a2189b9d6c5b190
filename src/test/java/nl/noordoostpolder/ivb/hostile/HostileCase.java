package nl.noordoostpolder.ivb.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One folder under {@code src/test/resources/hostile/}: the files it lays over the base site and what the build must
 * answer. See {@link HostileSourcesTest} for the format of {@code expected.txt}.
 *
 * @param name the folder name, also the test name
 * @param dir the folder
 * @param exitCode the exit code the build must give
 * @param expectedErrors the error lines the build must print, in order; a line ending in {@value #PREFIX_MARK} is a
 *                       prefix
 * @param description the comment lines of {@code expected.txt}, shown when the case fails
 */
record HostileCase(String name, Path dir, int exitCode, List<String> expectedErrors, String description) {

    static final String PREFIX_MARK = " ...";
    static final String EXPECTED = "expected.txt";
    /** Paths, relative to the assembled source folder, to delete after the overlay (one per line). */
    static final String REMOVE = "remove.txt";
    /** Extra command line arguments, one per line, replacing the default {@code --out}. */
    static final String ARGS = "args.txt";

    static HostileCase load(Path dir) {
        List<String> lines = readLines(dir.resolve(EXPECTED));
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            throw new IllegalStateException(dir.resolve(EXPECTED) + ": line 1 must be the exit code");
        }
        List<String> errors = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#")) {
                description.append(line.substring(1).strip()).append(' ');
            } else if (!line.isBlank()) {
                errors.add(line);
            }
        }
        return new HostileCase(dir.getFileName().toString(), dir, Integer.parseInt(lines.get(0).strip()),
                List.copyOf(errors), description.toString().strip());
    }

    static List<HostileCase> all(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("_"))
                    .sorted()
                    .map(HostileCase::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean succeeds() {
        return exitCode == 0;
    }

    /** Whether an actual error line answers an expected one. */
    static boolean matches(String expected, String actual) {
        return expected.endsWith(PREFIX_MARK)
                ? actual.startsWith(expected.substring(0, expected.length() - PREFIX_MARK.length()))
                : actual.equals(expected);
    }

    List<String> extraArgs() {
        Path file = dir.resolve(ARGS);
        return Files.exists(file) ? readLines(file).stream().filter(l -> !l.isBlank()).toList() : null;
    }

    List<String> removals() {
        Path file = dir.resolve(REMOVE);
        return Files.exists(file) ? readLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
