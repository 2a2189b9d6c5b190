package nl.noordoostpolder.ivb.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes the files of a {@link SplitIndex} into the site, each as plain JSON and gzipped ({@code .json.gz}).
 * <p>
 * The search page fetches the gzipped files and unpacks them with {@code DecompressionStream}, because a plain host
 * sends JSON as it is and these files are most of what a search downloads; browsers without
 * {@code DecompressionStream} (Safari before 16.4) fetch the plain files, so search works there too.
 * <p>
 * Gzip is written here rather than with {@code GZIPOutputStream}: a site of 1000 pages has over a thousand small
 * files, and one {@link Deflater} per thread, reset between files, saves allocating a new compressor (with its
 * buffers) for every one of them. The header holds no time or name, so two builds give the same bytes.
 */
final class SplitIndexWriter {

    /** The gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /**
     * Compressors per thread: the first file at the highest level, the shards and page texts at zlib's default level,
     * which makes them 0.1 % larger in all and takes half the time.
     */
    private static final ThreadLocal<Deflater> BEST =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));
    private static final ThreadLocal<Deflater> DEFAULT =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

    private SplitIndexWriter() {
    }

    static void write(List<SplitIndex.File> files, Path output) throws IOException {
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
        try {
            files.parallelStream().forEach(f -> {
                Path target = output.resolve(f.path());
                try {
                    Files.write(target, f.json());
                    byte[] packed = gzip(f.json(), f.path().equals(SplitIndex.META) ? BEST.get() : DEFAULT.get());
                    Files.write(target.resolveSibling(target.getFileName() + ".gz"), packed);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
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
