package nl.noordoostpolder.ivb.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Every file of one built site with a hash of its bytes.
 * <p>
 * Two builds of the same sources are byte-identical, so equal hashes mean the published file does not change and
 * different hashes mean it does: no need to parse or normalise anything to compare two sites. Titles are read only
 * for the pages a report names.
 */
public final class SiteSnapshot {

    private final Path root;
    private final Map<String, String> hashes;

    private SiteSnapshot(Path root, Map<String, String> hashes) {
        this.root = root;
        this.hashes = Collections.unmodifiableMap(hashes);
    }

    /**
     * Reads the site in {@code folder}.
     *
     * @throws NotASiteException when the folder does not exist or holds no built site (no {@code index.html})
     */
    public static SiteSnapshot of(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new NotASiteException(Messages.get("diff.error.no.folder", folder));
        }
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new NotASiteException(Messages.get("diff.error.not.site", folder));
        }
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> hashes.put(address(root, file), sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SiteSnapshot(root, hashes);
    }

    /** Every file's address relative to the site root ({@code trends/x.html}), with the hash of its bytes. */
    public Map<String, String> hashes() {
        return hashes;
    }

    /**
     * The title a reader sees for a page: its {@code <h1>}, else its {@code <title>}, else its address. Control
     * characters are left out, so that a title cannot move a terminal's cursor.
     */
    public String title(String address) {
        try {
            Document page = Jsoup.parse(root.resolve(address).toFile(), StandardCharsets.UTF_8.name());
            Element h1 = page.selectFirst("h1");
            String title = h1 != null ? h1.text() : page.title();
            title = title.replaceAll("\\p{Cntrl}", "").strip();
            return title.isEmpty() ? address : title;
        } catch (IOException e) {
            return address;
        }
    }

    private static String address(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
