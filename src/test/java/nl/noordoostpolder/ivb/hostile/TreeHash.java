package nl.noordoostpolder.ivb.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A fingerprint of a folder: every path, its kind and, for files, its bytes. Two equal fingerprints mean the folder
 * was left byte-identical, without a file added, removed or changed.
 */
final class TreeHash {

    private TreeHash() {
    }

    static String of(Path dir, Predicate<Path> include) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir)) {
                paths = walk.filter(include).sorted().toList();
            }
            for (Path p : paths) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String kind = Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other";
                sha.update((rel + "\0" + kind + "\0").getBytes(StandardCharsets.UTF_8));
                if (kind.equals("file")) {
                    sha.update(Files.readAllBytes(p));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
