package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Writes {@code feed.xml}, an Atom feed (RFC 4287) with which readers follow the process: every milestone, and every
 * page with the day it last changed. Atom requires absolute addresses, so without a base URL no feed is written.
 * <p>
 * Every date comes from the content: an entry's {@code updated} is its {@code :jbake-date:}, the feed's is the newest
 * of those. Never the build time: two builds of the same sources give the same file, and a reader does not see the
 * whole site as new after every build. A milestone's period ("voorjaar 2024") goes into its summary as written, so
 * no day is invented for it.
 */
public final class AtomFeed implements OutputStep {

    public static final String FILE = "feed.xml";
    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    /** The feed holds the most recently changed entries; older ones are on the site itself. */
    static final int MAX_ENTRIES = 200;

    /** Dates are days in the Netherlands; Atom wants a moment, so the start of that day there. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Override
    public void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems) {
        if (!settings.hasBaseUrl()) {
            return;
        }
        List<Document> entries = entries(site);
        if (entries.isEmpty()) {
            problems.add(FILE, 0, Messages.get("feed.empty"));
            return;
        }
        XmlFile xml = new XmlFile("feed", NAMESPACE, "xml:lang", "nl");
        xml.text("id", settings.absolute(FILE))
                .text("title", settings.title())
                .text("subtitle", "Wijzigingen en mijlpalen van het " + settings.title() + ".")
                .empty("link", "rel", "self", "type", "application/atom+xml", "href", settings.absolute(FILE))
                .empty("link", "rel", "alternate", "type", "text/html", "href", settings.absolute("index.html"))
                .text("updated", timestamp(newest(entries)))
                .start("author").text("name", settings.publisher()).end();
        for (Document doc : entries) {
            String url = settings.absolute(doc.getUrl());
            xml.start("entry")
                    .text("id", url)
                    .text("title", doc.getTitle())
                    .empty("link", "rel", "alternate", "type", "text/html", "href", url)
                    .text("updated", timestamp(doc.getDate()))
                    .empty("category", "term", doc.getType().id(), "label", doc.getKindLabel())
                    .text("summary", summary(doc))
                    .end();
        }
        try {
            xml.writeTo(baked.folder().resolve(FILE));
        } catch (IOException e) {
            problems.add(FILE, 0, Messages.get("post.cannot-write", e.getMessage()));
        }
    }

    /** Newest first; on the same day milestones first, in the order of the timeline, then the site's own order. */
    static List<Document> entries(SiteModel site) {
        return Stream.concat(site.getMilestones().stream(),
                        site.getDocuments().stream().filter(d -> d.getType() != DocType.MILESTONE))
                .sorted(Comparator.comparing(Document::getDate).reversed()) // stable: keeps the order above per day
                .limit(MAX_ENTRIES)
                .toList();
    }

    /** The newest content date of the entries, which must not be empty. */
    static LocalDate newest(List<Document> entries) {
        return entries.stream().map(Document::getDate).max(Comparator.naturalOrder()).orElseThrow();
    }

    static String timestamp(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String summary(Document doc) {
        if (doc.getType() == DocType.MILESTONE && doc.getPeriod() != null) {
            String when = doc.getPeriod().text();
            when = Character.toUpperCase(when.charAt(0)) + when.substring(1);
            String status = doc.getProgressLabel() == null ? "" : " (" + doc.getProgressLabel().toLowerCase(java.util.Locale.ROOT) + ")";
            return when + status + ": " + doc.getSummary();
        }
        return doc.getSummary();
    }
}
