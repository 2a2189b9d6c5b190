package nl.noordoostpolder.ivb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The permissions a new folder gets from this process's umask, found without trusting the code under test: on Linux
 * the umask is read from {@code /proc/self/status} and applied to {@code 0777}; elsewhere a probe folder is created
 * with {@code Files.createDirectory} and its mode read back. Tests that need POSIX permissions are skipped, with that
 * reason, on other file systems.
 */
public final class Umask {

    private static final Pattern UMASK = Pattern.compile("^Umask:\\s*([0-7]+)$", Pattern.MULTILINE);

    private Umask() {
    }

    /** Skips the calling test, saying why, when the file system has no POSIX permissions. */
    public static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "skipped: this file system has no POSIX permissions, so a folder has no mode to check");
    }

    /** The mode a new folder gets, e.g. {@code rwxr-xr-x} under umask 022. */
    public static Set<PosixFilePermission> folderPermissions(Path scratch) {
        return fromProc().orElseGet(() -> probe(scratch));
    }

    /** Asserts that {@code folder} has exactly the umask's folder permissions. */
    public static void assertUmaskMode(Path folder, Path scratch) {
        try {
            assertEquals(PosixFilePermissions.toString(folderPermissions(scratch)),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Set<PosixFilePermission>> fromProc() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            Matcher m = UMASK.matcher(Files.readString(status));
            if (!m.find()) {
                return Optional.empty();
            }
            int mode = 0777 & ~Integer.parseInt(m.group(1), 8);
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE};
            for (int i = 0; i < 9; i++) {
                if ((mode & (0400 >> i)) != 0) {
                    perms.add(order[i]);
                }
            }
            return Optional.of(perms);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Set<PosixFilePermission> probe(Path scratch) {
        try {
            Path probe = Files.createDirectory(scratch.resolve("umask-probe-" + System.nanoTime()));
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(probe);
            Files.delete(probe);
            return perms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
