package nl.noordoostpolder.ivb.pdf;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The one font of the PDF: DejaVu Sans 2.37 (Debian's fonts-dejavu-core), vendored in this jar with its licence
 * ({@code fonts/LICENSE}: Bitstream Vera licence, DejaVu changes in the public domain). A tagged PDF must embed its
 * fonts, and a font looked up on the system would make the file differ from machine to machine; openhtmltopdf's
 * PDF/UA mode also refuses the base-14 fonts. Every CSS font family in the PDF's stylesheet must be this one.
 */
final class PdfFonts {

    /** The font family name the PDF's stylesheet uses. */
    static final String FAMILY = "DejaVu Sans";

    private record Face(String file, int weight, FontStyle style) {
    }

    private static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

    private PdfFonts() {
    }

    /** Registers the four faces on {@code builder}, embedded as subsets (only the glyphs used). */
    static void register(PdfRendererBuilder builder) {
        for (Face face : FACES) {
            builder.useFont(() -> open(face.file()), FAMILY, face.weight(), face.style(), true);
        }
    }

    private static InputStream open(String file) {
        InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + file);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("font missing from the jar: fonts/" + file));
        }
        return in;
    }
}
