package nl.noordoostpolder.ivb.content;

import java.util.Locale;

/**
 * The PDF of the whole policy as a download link shows it: "Download het hele beleid (PDF, 280 kB)", as the NL
 * Design System advises (say the type and size of a file in its link).
 *
 * @param url      the PDF's address within the site
 * @param sizeText the size in Dutch ("280 kB", "1,2 MB"), or null when it is not known (the preview makes the PDF
 *                 only when it is asked for, so its pages say "PDF" without a size)
 */
public record PolicyDownload(String url, String sizeText) {

    /** The file name of the PDF, at the site root. */
    public static final String FILE = "integraal-veiligheidsbeleid-2024-2027.pdf";

    /** A download of {@code bytes} bytes. */
    public static PolicyDownload ofSize(long bytes) {
        return new PolicyDownload(FILE, size(bytes));
    }

    /** A download whose size is not known. */
    public static PolicyDownload withoutSize() {
        return new PolicyDownload(FILE, null);
    }

    /** What the link says about the file: {@code PDF, 280 kB}, or {@code PDF}. */
    public String getLabel() {
        return sizeText == null ? "PDF" : "PDF, " + sizeText;
    }

    /** A size in Dutch: whole kilobytes (1000 bytes) below 1 MB, else megabytes with one decimal and a comma. */
    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return Math.max(1, Math.round(bytes / 1000.0)) + " kB";
        }
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0).replace('.', ',') + " MB";
    }
}
