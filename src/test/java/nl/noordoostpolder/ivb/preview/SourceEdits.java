package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edits a test makes to a copy of the sources, as an editor would save them, remembered so that
 * {@link #restore()} puts every file back as it was (and removes the files the test created): the tests of one
 * class share one preview, and each must start from the same sources.
 */
final class SourceEdits {

    private final Path source;
    /** The bytes each edited file had before the first edit; null for a file that did not exist. */
    private final Map<String, byte[]> originals = new LinkedHashMap<>();

    SourceEdits(Path source) {
        this.source = source;
    }

    /** Replaces every {@code from} in the file (relative to the source folder) by {@code to}; fails if none. */
    void replace(String path, String from, String to) {
        String text = read(path);
        assertTrue(text.contains(from), path + " contains " + from);
        write(path, text.replace(from, to));
    }

    void append(String path, String text) {
        write(path, read(path) + text);
    }

    void prepend(String path, String text) {
        write(path, text + read(path));
    }

    void create(String path, String text) {
        write(path, text);
    }

    void delete(String path) {
        remember(path);
        try {
            Files.delete(source.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts back every file as it was before the first edit, and forgets the edits. */
    void restore() {
        try {
            for (Map.Entry<String, byte[]> e : originals.entrySet()) {
                Path file = source.resolve(e.getKey());
                if (e.getValue() == null) {
                    Files.deleteIfExists(file);
                } else {
                    Files.write(file, e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        originals.clear();
    }

    String read(String path) {
        try {
            return Files.readString(source.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String path, String text) {
        remember(path);
        try {
            Files.writeString(source.resolve(path), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remember(String path) {
        if (!originals.containsKey(path)) {
            Path file = source.resolve(path);
            try {
                originals.put(path, Files.exists(file) ? Files.readAllBytes(file) : null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
