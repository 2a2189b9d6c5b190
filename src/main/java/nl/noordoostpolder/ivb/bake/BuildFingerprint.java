package nl.noordoostpolder.ivb.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells whether a build would write exactly what the output folder already holds, so that an unchanged rebuild
 * costs a fraction of a second instead of a full bake (as {@code make} does).
 * <p>
 * The fingerprint covers every input byte (content, templates, assets, {@code jbake.properties}), the options, and
 * the tool itself; it is stored next to the output folder (not in it, so it is never published) together with a
 * summary of the output files, so that a changed or deleted output file also triggers a real build.
 */
public final class BuildFingerprint {

    private static final List<String> INPUTS = List.of("content", "templates", "assets", "jbake.properties");

    private final Path sourceDir;
    private final Path output;
    private final String options;

    public BuildFingerprint(Path sourceDir, Path output, String options) {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        this.options = options;
    }

    /** True when the output folder holds the result of a build of exactly these inputs. */
    public boolean upToDate() {
        Path file = file();
        if (!Files.isRegularFile(file) || !Files.isDirectory(output)) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(compute().orElse(""));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Records the fingerprint of a build that just succeeded. */
    public void record() {
        try {
            Optional<String> value = compute();
            if (value.isPresent()) {
                Files.writeString(file(), value.get(), StandardCharsets.UTF_8);
            }
        } catch (IOException | UncheckedIOException e) {
            // without a fingerprint the next build simply bakes again
        }
    }

    /** Forgets the fingerprint, so the next build bakes. */
    public void forget() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // nothing to forget
        }
    }

    private Path file() {
        return output.resolveSibling("." + output.getFileName() + ".fingerprint");
    }

    private Optional<String> compute() {
        MessageDigest inputs = sha256();
        update(inputs, "options " + options + "\ntool " + toolIdentity() + "\n");
        for (String name : INPUTS) {
            Path path = sourceDir.resolve(name);
            if (Files.exists(path)) {
                for (Path file : files(path)) {
                    update(inputs, sourceDir.relativize(file) + "\n");
                    try {
                        inputs.update(Files.readAllBytes(file));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        MessageDigest outputs = sha256();
        for (Path file : files(output)) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                update(outputs, output.relativize(file) + " " + attrs.size() + " " + attrs.lastModifiedTime().toMillis() + "\n");
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        HexFormat hex = HexFormat.of();
        return Optional.of("inputs " + hex.formatHex(inputs.digest()) + "\noutput " + hex.formatHex(outputs.digest()) + "\n");
    }

    private static String toolIdentity() {
        try {
            Path code = Path.of(BuildFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes attrs = Files.readAttributes(code, BasicFileAttributes.class);
            return code + " " + attrs.size() + " " + attrs.lastModifiedTime().toMillis();
        } catch (Exception e) {
            return "unknown " + System.nanoTime(); // never up to date
        }
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return Files.isRegularFile(root) ? List.of(root) : List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
