package nl.noordoostpolder.ivb.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hostile files that are made at run time instead of committed: large ones, binary ones, and what git cannot
 * hold (symbolic links, a FIFO, a folder where a page should be). Each case folder of the same name holds only its
 * {@code expected.txt} (and perhaps {@code args.txt}).
 * <p>
 * The tests run as root in CI, where permissions do not stop a read or a write. So the "unreadable file" cases use
 * things that cannot be read as a page even by root (a folder named {@code x.adoc}, a FIFO, a link to nothing), and
 * the "output cannot be written" cases put the output below a regular file.
 */
final class GeneratedSources {

    /** Makes the case's files; {@code source} is the assembled source folder, {@code workspace} its parent. */
    interface Generator {
        void generate(Path source, Path workspace) throws IOException;
    }

    static final String HEADER = """
            = Gegenereerde pagina
            :jbake-type: trend
            :jbake-status: published
            :jbake-date: 2024-01-15
            :jbake-summary: Een pagina die de test maakt.
            :jbake-theme: thema-a
            :jbake-order: 2

            """;

    private static final Map<String, Generator> ALL = new TreeMap<>();

    static {
        ALL.put("binary-with-adoc-name", (src, ws) -> Files.write(src.resolve("content/trends/afbeelding.adoc"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'}));
        ALL.put("invalid-utf8", (src, ws) -> {
            byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
            byte[] latin1 = "Caf\u00e9 in Windows-1252.\n".getBytes(StandardCharsets.ISO_8859_1);
            write(src.resolve("content/trends/latin1.adoc"), head, "== Kop\n\n".getBytes(StandardCharsets.UTF_8), latin1);
        });
        ALL.put("invalid-utf8-overlong", (src, ws) -> {
            // an overlong encoding of '/', a classic filter bypass: must be refused, not read as '/'
            write(src.resolve("content/trends/overlong.adoc"), HEADER.getBytes(StandardCharsets.UTF_8),
                    "Tekst\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'});
        });
        ALL.put("utf8-bom", (src, ws) -> write(src.resolve("content/trends/met-bom.adoc"),
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (HEADER + "== Kop\n\nTekst met een byte order mark ervoor: één.\n").getBytes(StandardCharsets.UTF_8)));
        ALL.put("windows-line-endings", (src, ws) -> Files.writeString(src.resolve("content/trends/crlf.adoc"),
                (HEADER + "== Kop\n\nRegel een.\nRegel twee.\n\n* punt\n* punt\n").replace("\n", "\r\n"),
                StandardCharsets.UTF_8));
        ALL.put("page-of-20-mb", (src, ws) -> {
            try (OutputStream out = Files.newOutputStream(src.resolve("content/trends/enorm.adoc"))) {
                out.write(HEADER.getBytes(StandardCharsets.UTF_8));
                byte[] line = "Dit is een heel lange pagina met steeds dezelfde zin erin, keer op keer.\n"
                        .getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                    out.write(line);
                }
            }
        });
        ALL.put("deeply-nested-blocks", (src, ws) -> {
            StringBuilder page = new StringBuilder(HEADER).append("== Blokken\n\n");
            int depth = 500;
            for (int i = 0; i < depth; i++) {
                page.append("=".repeat(4 + i)).append('\n');
            }
            page.append("Binnenste tekst.\n");
            for (int i = depth - 1; i >= 0; i--) {
                page.append("=".repeat(4 + i)).append('\n');
            }
            Files.writeString(src.resolve("content/trends/diepe-blokken.adoc"), page, StandardCharsets.UTF_8);
        });
        ALL.put("symlink-page-outside-source", (src, ws) -> {
            Path outside = ws.resolve("buiten.adoc");
            Files.writeString(outside, HEADER + "Geheime tekst van buiten de bronmap.\n", StandardCharsets.UTF_8);
            Files.createSymbolicLink(src.resolve("content/trends/buiten.adoc"), outside);
        });
        ALL.put("symlink-to-etc-passwd", (src, ws) ->
                Files.createSymbolicLink(src.resolve("content/trends/wachtwoorden.adoc"), Path.of("/etc/passwd")));
        ALL.put("symlink-folder-outside-source", (src, ws) -> {
            Path outside = Files.createDirectories(ws.resolve("elders"));
            Files.writeString(outside.resolve("pagina.adoc"), HEADER + "Tekst.\n", StandardCharsets.UTF_8);
            Files.createSymbolicLink(src.resolve("content/extra"), outside);
        });
        ALL.put("symlink-include-outside", (src, ws) -> {
            Files.createSymbolicLink(src.resolve("content/trends/_gedeeld.adoc"), Path.of("/etc/passwd"));
            Files.writeString(src.resolve("content/trends/deelt.adoc"), HEADER + "include::_gedeeld.adoc[]\n",
                    StandardCharsets.UTF_8);
        });
        ALL.put("symlink-dangling", (src, ws) ->
                Files.createSymbolicLink(src.resolve("content/trends/weg.adoc"), ws.resolve("bestaat-niet.adoc")));
        ALL.put("unreadable-folder-named-adoc", (src, ws) ->
                Files.createDirectories(src.resolve("content/trends/map.adoc")));
        ALL.put("unreadable-fifo", (src, ws) -> {
            Process mkfifo = new ProcessBuilder("mkfifo", src.resolve("content/trends/pijp.adoc").toString())
                    .inheritIO().start();
            try {
                if (mkfifo.waitFor() != 0) {
                    throw new IOException("mkfifo failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
        ALL.put("utf16-file", (src, ws) -> {
            // Windows editors call this "Unicode": UTF-16 with a byte order mark
            byte[] text = (HEADER + "Tekst.\n").getBytes(StandardCharsets.UTF_16LE);
            write(src.resolve("content/trends/utf16.adoc"), new byte[] {(byte) 0xFF, (byte) 0xFE}, text);
        });
        ALL.put("deeply-nested-lists-extreme", (src, ws) -> {
            StringBuilder page = new StringBuilder(HEADER).append("== Lijst\n\n");
            for (int depth = 1; depth <= 3000; depth++) {
                page.append("*".repeat(depth)).append(" niveau ").append(depth).append('\n');
            }
            Files.writeString(src.resolve("content/trends/diep.adoc"), page, StandardCharsets.UTF_8);
        });
        ALL.put("filename-with-newline", (src, ws) -> Files.writeString(
                src.resolve("content/trends/twee\nregels.adoc"), HEADER + "Tekst.\n", StandardCharsets.UTF_8));
        ALL.put("output-folder-with-other-files", (src, ws) -> {
            Path documents = Files.createDirectories(ws.resolve("documenten"));
            Files.writeString(documents.resolve("belangrijk.txt"), "niet weggooien\n");
        });
        ALL.put("output-below-a-file", (src, ws) -> Files.writeString(ws.resolve("blokkade"), "een bestand\n"));
        ALL.put("output-is-a-file", (src, ws) -> Files.writeString(ws.resolve("site.html"), "een bestand\n"));
    }

    private GeneratedSources() {
    }

    static Map<String, Generator> all() {
        return ALL;
    }

    private static void write(Path file, byte[]... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }
}
