package nl.noordoostpolder.ivb.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import nl.noordoostpolder.ivb.bake.StagedOutput;

/**
 * Writes the files of a {@link SplitIndex} into the site: each as plain JSON and gzipped ({@code .json.gz}).
 * <p>
 * The search page fetches the gzipped files and unpacks them with {@code DecompressionStream}, because a plain host
 * sends JSON as it is and these files are what every search downloads first; browsers without
 * {@code DecompressionStream} (Safari before 16.4) fetch the plain files, so search works there too.
 * <p>
 * The page texts are gzipped too: a first search fetches those of the 20 results it shows (address, title and
 * sections), 28 KB plain and 14 KB gzipped at 5000 pages, which is what brings a first search on a plain host below
 * 150 KB there. The price is a second file per page (creating a file took 0.1-0.5 ms on the 2-core build machine).
 * <p>
 * Gzip is written here rather than with {@code GZIPOutputStream}, with one {@link Deflater} per thread, reset
 * between files, instead of a new compressor (with its buffers) for each. The header holds no time or name, so two
 * builds give the same bytes.
 * <p>
 * The preview writes a whole new site folder on every save, and an edit changes few of the index's files: with
 * {@link LastWrite} the files whose bytes did not change are hard-linked from the folder written before, which
 * creates no new file and compresses nothing. Creating a file is what a write costs most here: 1000 small files took
 * 450-530 ms to write on the 2-core build machine, and 13 ms to link.
 */
final class SplitIndexWriter {

    /** The gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /**
     * Compressors per thread: the first file at the highest level, the shards at zlib's default level, which makes
     * them 0.1 % larger in all and takes half the time.
     */
    private static final ThreadLocal<Deflater> BEST =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));
    private static final ThreadLocal<Deflater> DEFAULT =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

    private SplitIndexWriter() {
    }

    /**
     * The files of the last write, by their path without the build's hash folder, so that the next write can link
     * those whose bytes are the same. Safe to share between the writes of one preview, which never overlap.
     */
    static final class LastWrite {
        private volatile Map<String, Written> files = Map.of();

        /**
         * Links every file of the last write into {@code folder}, at the same place, so that a new site folder has a
         * complete index (the last one) before the new one is written; false when there was none, or a file is gone.
         */
        boolean linkInto(Path folder) throws IOException {
            Map<String, Written> last = files;
            if (last.isEmpty()) {
                return false;
            }
            for (Written w : last.values()) {
                Path target = folder.resolve(w.path());
                Files.createDirectories(target.getParent() == null ? folder : target.getParent());
                if (!link(target, w.plain()) || w.gzipped() != null && !link(gzipped(target), w.gzipped())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A file as it was written: its path in the site, its plain bytes, where its plain and gzipped copies lie. */
    private record Written(String path, byte[] json, Path plain, Path gzipped) {
    }

    static void write(List<SplitIndex.File> files, Path output) throws IOException {
        write(files, output, null);
    }

    /**
     * Writes {@code files} under {@code output}; with {@code last}, links those that have not changed since. The
     * data files come first and {@value SplitIndex#META} last, each of its copies replaced in one step, and then the
     * folders of earlier indexes are removed: a site that is being served while its index is written (the preview)
     * always names a complete folder.
     */
    static void write(List<SplitIndex.File> files, Path output, LastWrite last) throws IOException {
        TreeSet<Path> folders = new TreeSet<>();
        for (SplitIndex.File f : files) {
            Path parent = output.resolve(f.path()).getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        for (Path folder : folders) {
            Files.createDirectories(folder);
        }
        Map<String, Written> before = last == null ? Map.of() : last.files;
        Map<String, Written> written = new ConcurrentHashMap<>();
        try {
            files.parallelStream().filter(f -> !f.path().equals(SplitIndex.META))
                    .forEach(f -> written.put(withoutBuildFolder(f.path()), write(f, output, before)));
            for (SplitIndex.File f : files) {
                if (f.path().equals(SplitIndex.META)) {
                    written.put(f.path(), write(f, output, before));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        removeEarlierIndexes(files, output);
        if (last != null) {
            last.files = written;
        }
    }

    private static Written write(SplitIndex.File f, Path output, Map<String, Written> before) {
        Path target = output.resolve(f.path());
        Path packed = f.gzipped() ? gzipped(target) : null;
        Written earlier = before.get(withoutBuildFolder(f.path()));
        boolean unchanged = earlier != null && Arrays.equals(earlier.json(), f.json());
        try {
            if (!unchanged || !sameOrLinked(target, earlier.plain())) {
                replace(target, f.json());
            }
            if (packed != null && (!unchanged || earlier.gzipped() == null || !sameOrLinked(packed, earlier.gzipped()))) {
                replace(packed, gzip(f.json(), f.path().equals(SplitIndex.META) ? BEST.get() : DEFAULT.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(f.path(), f.json(), target, packed);
    }

    /** Whether {@code target} is {@code existing} already, or could be linked to it. */
    private static boolean sameOrLinked(Path target, Path existing) throws IOException {
        boolean same = Files.exists(target) && Files.exists(existing) && Files.isSameFile(target, existing);
        return same || link(target, existing);
    }

    /**
     * Writes {@code data} as {@code target}. A file already there is replaced in one step, by a new file that takes
     * its name: it may be a link shared with the folder served before, which must keep its bytes, or be read now.
     */
    private static void replace(Path target, byte[] data) throws IOException {
        if (!Files.exists(target)) {
            Files.write(target, data);
            return;
        }
        Path fresh = target.resolveSibling(target.getFileName() + ".new");
        Files.write(fresh, data);
        Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the hash folders under {@code search-index/} that the files just written do not use. */
    private static void removeEarlierIndexes(List<SplitIndex.File> files, Path output) throws IOException {
        Path data = output.resolve(SplitIndex.DATA_FOLDER);
        if (!Files.isDirectory(data)) {
            return;
        }
        Set<Path> current = new HashSet<>();
        for (SplitIndex.File f : files) {
            if (f.path().startsWith(SplitIndex.DATA_FOLDER)) {
                current.add(output.resolve(f.path().substring(0, f.path().indexOf('/', SplitIndex.DATA_FOLDER.length()))));
            }
        }
        try (Stream<Path> folders = Files.list(data)) {
            for (Path folder : folders.toList()) {
                if (!current.contains(folder)) {
                    StagedOutput.deleteTree(folder);
                }
            }
        }
    }

    private static Path gzipped(Path plain) {
        return plain.resolveSibling(plain.getFileName() + ".gz");
    }

    /** {@code search-index/<hash>/w/ab.json} becomes {@code search-index/w/ab.json}: the same file in every build. */
    private static String withoutBuildFolder(String path) {
        if (!path.startsWith(SplitIndex.DATA_FOLDER)) {
            return path;
        }
        int hashEnd = path.indexOf('/', SplitIndex.DATA_FOLDER.length());
        return hashEnd < 0 ? path : SplitIndex.DATA_FOLDER + path.substring(hashEnd + 1);
    }

    /** Hard-links {@code target} to {@code existing}; false when that is not possible (gone, another disk). */
    private static boolean link(Path target, Path existing) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The gzip file of {@code data}, compressed at the highest level. */
    static byte[] gzip(byte[] data) {
        return gzip(data, BEST.get());
    }

    private static byte[] gzip(byte[] data, Deflater deflater) {
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        out.write(HEADER, 0, HEADER.length);
        byte[] buffer = new byte[Math.max(512, Math.min(data.length + 64, 64 * 1024))];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        writeInt(out, data.length);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
