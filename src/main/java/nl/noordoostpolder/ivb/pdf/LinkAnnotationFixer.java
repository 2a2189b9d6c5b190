package nl.noordoostpolder.ivb.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * Gives every link annotation the description PDF/UA-1 requires (veraPDF rules 7.18.1-2 and 7.18.5-2), which
 * openhtmltopdf 1.1.31 never writes, and drops the empty {@code /Alt ()} it writes on links without a title.
 * <p>
 * A link's {@code /Contents} is the first of: the alternative text of its Link structure element, the text under
 * the link on the page (a link that wraps has one annotation per line, so consecutive annotations with the same
 * target share the text of all their lines), or its address.
 */
final class LinkAnnotationFixer {

    private LinkAnnotationFixer() {
    }

    private record Link(PDAnnotationLink annotation, String target, String text) {
    }

    static void fix(PDDocument doc) throws IOException {
        Map<COSDictionary, PDStructureElement> linkElements = linkElements(doc);
        List<Link> links = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            links.addAll(linksOf(page, linkElements));
        }
        for (int i = 0; i < links.size(); ) {
            int end = i + 1;
            while (end < links.size() && links.get(end).target().equals(links.get(i).target())) {
                end++;
            }
            StringBuilder text = new StringBuilder();
            for (Link link : links.subList(i, end)) {
                text.append(text.length() == 0 ? "" : " ").append(link.text());
            }
            for (Link link : links.subList(i, end)) {
                PDStructureElement element = linkElements.get(link.annotation().getCOSObject());
                String alt = element == null ? null : element.getAlternateDescription();
                if (element != null && alt != null && alt.isBlank()) {
                    element.setAlternateDescription(null);
                    alt = null;
                }
                link.annotation().setContents(firstOf(alt, text.toString().replaceAll("\\s+", " ").strip(),
                        describe(link.annotation())));
            }
            i = end;
        }
    }

    private static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return "Link";
    }

    /** The Link structure elements by the annotation they hold, found in one walk of the structure tree. */
    private static Map<COSDictionary, PDStructureElement> linkElements(PDDocument doc) {
        Map<COSDictionary, PDStructureElement> out = new IdentityHashMap<>();
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            walk(root, out);
        }
        return out;
    }

    private static void walk(PDStructureNode node, Map<COSDictionary, PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Link".equals(element.getStructureType())) {
                    for (Object part : element.getKids()) {
                        if (part instanceof PDObjectReference ref && ref.getReferencedObject() instanceof PDAnnotation a) {
                            out.put(a.getCOSObject(), element);
                        }
                    }
                }
                walk(element, out);
            }
        }
    }

    /**
     * The links of a page with their targets, and the text under them when one of them has no alternative text
     * (reading the text of a page is the slow part: the print HTML gives every link a title, which becomes its alt).
     */
    private static List<Link> linksOf(PDPage page, Map<COSDictionary, PDStructureElement> elements) throws IOException {
        List<PDAnnotationLink> annotations = new ArrayList<>();
        boolean withoutAlt = false;
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link) {
                annotations.add(link);
                PDStructureElement element = elements.get(link.getCOSObject());
                withoutAlt |= element == null || element.getAlternateDescription() == null
                        || element.getAlternateDescription().isBlank();
            }
        }
        if (annotations.isEmpty()) {
            return List.of();
        }
        if (!withoutAlt) {
            List<Link> out = new ArrayList<>(annotations.size());
            for (PDAnnotationLink annotation : annotations) {
                out.add(new Link(annotation, target(annotation), ""));
            }
            return out;
        }
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        float height = page.getMediaBox().getHeight();
        for (int i = 0; i < annotations.size(); i++) {
            PDRectangle r = annotations.get(i).getRectangle();
            stripper.addRegion(String.valueOf(i), new java.awt.geom.Rectangle2D.Float(
                    r.getLowerLeftX(), height - r.getUpperRightY(), r.getWidth(), r.getHeight()));
        }
        stripper.extractRegions(page);
        List<Link> out = new ArrayList<>(annotations.size());
        for (int i = 0; i < annotations.size(); i++) {
            out.add(new Link(annotations.get(i), target(annotations.get(i)), stripper.getTextForRegion(String.valueOf(i)).strip()));
        }
        return out;
    }

    /** What a link points to, as a key to join the annotations of one wrapped link. */
    private static String target(PDAnnotationLink link) throws IOException {
        PDAction action = link.getAction();
        if (action instanceof PDActionURI uri) {
            return "uri:" + uri.getURI();
        }
        PDDestination destination = action instanceof PDActionGoTo goTo ? goTo.getDestination() : link.getDestination();
        if (destination instanceof PDPageDestination page) {
            COSBase top = page.getCOSObject().size() > 3 ? page.getCOSObject().getObject(3) : null;
            return "page:" + page.retrievePageNumber() + ":" + (top == null ? "" : top.toString());
        }
        return "other:" + System.identityHashCode(link);
    }

    private static String describe(PDAnnotationLink link) throws IOException {
        if (link.getAction() instanceof PDActionURI uri) {
            return uri.getURI();
        }
        PDDestination destination = link.getAction() instanceof PDActionGoTo goTo ? goTo.getDestination() : link.getDestination();
        if (destination instanceof PDPageDestination page) {
            return "Naar pagina " + (page.retrievePageNumber() + 1);
        }
        return null;
    }
}
