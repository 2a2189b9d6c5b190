package nl.noordoostpolder.ivb.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Lets Dutch text reach the terminal intact.
 * <p>
 * Java 17 writes {@code System.out} in the locale's encoding. Under {@code LANG=C} or {@code POSIX} (CI runners,
 * containers, cron) that is ASCII, and every "é" or "ë" of a Dutch message would be printed as "?". An ASCII locale
 * can show none of them, and the terminals and log viewers of today read UTF-8, so output is then written as UTF-8.
 * Any other encoding the locale names (UTF-8, or a Windows code page) is kept as it is.
 */
final class ConsoleEncoding {

    private ConsoleEncoding() {
    }

    /** Replaces {@code System.out} and {@code System.err} by UTF-8 streams when the locale's encoding is ASCII. */
    static void useUtf8WhenAscii() {
        if (isAscii(System.getProperty("sun.stdout.encoding", System.getProperty("file.encoding", "")))) {
            System.setProperty("sun.stdout.encoding", "UTF-8"); // picocli wraps System.out in this encoding
            System.setProperty("sun.stderr.encoding", "UTF-8");
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }

    static boolean isAscii(String encoding) {
        try {
            return Charset.forName(encoding).equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
