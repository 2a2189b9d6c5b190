package nl.noordoostpolder.ivb.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Makes two renders of the same text the same bytes: the PDF's dates become the date of the content (the newest
 * {@code :jbake-date:}), not the time of the build, and its file identifier ({@code /ID}), which PDFBox derives from
 * the clock, becomes a digest of the HTML it was made from. The same text so gives the same file on every machine
 * with the same font and JDK, and a deployment changes the PDF exactly when the policy changed.
 */
final class ReproduciblePdf {

    private ReproduciblePdf() {
    }

    static void fix(PDDocument doc, LocalDate date, String html) throws IOException {
        Calendar when = calendar(date);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(when);
        if (info.getModificationDate() != null) {
            info.setModificationDate(when);
        }
        fixXmpDates(doc, when);
        byte[] digest = md5(html);
        COSArray id = new COSArray();
        id.add(new COSString(digest));
        id.add(new COSString(digest));
        doc.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /** Midnight UTC of the content's date; a site without dates gets 1 January 2000 rather than the clock. */
    static Calendar calendar(LocalDate date) {
        LocalDate day = date == null ? LocalDate.of(2000, 1, 1) : date;
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        calendar.clear();
        calendar.setTimeInMillis(day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        return calendar;
    }

    /** The XMP dates (written in PDF/A mode), which must equal the Info dates. */
    private static void fixXmpDates(PDDocument doc, Calendar when) throws IOException {
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp;
        try (InputStream in = metadata.exportXMPMetadata()) {
            xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String iso = when.toInstant().toString().replace(".000Z", "Z");
        String fixed = xmp.replaceAll("(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:)", "$1" + iso + "$2")
                .replaceAll("(xmp:(?:CreateDate|ModifyDate|MetadataDate)=\")[^\"]*(\")", "$1" + iso + "$2");
        if (!fixed.equals(xmp)) {
            try (OutputStream out = metadata.createOutputStream()) {
                out.write(fixed.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
