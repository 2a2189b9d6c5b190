package nl.noordoostpolder.ivb.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Checks what involves more than one page: that every theme or session a page names exists and is published, that
 * no two pages share a slug or an address, and that no two trends of a theme claim the same place.
 */
public final class ReferenceValidator {

    private ReferenceValidator() {
    }

    public static void check(List<Document> all, Problems problems) {
        checkUnique(all, problems);
        Map<String, Document> themes = bySlug(all, DocType.THEME);
        Map<String, Document> sessions = bySlug(all, DocType.SESSION);
        String themeList = themes.keySet().stream().sorted().collect(Collectors.joining(", "));
        String sessionList = sessions.keySet().stream().sorted().collect(Collectors.joining(", "));
        for (Document doc : all) {
            String path = doc.getSourcePath();
            String theme = doc.getHeader().value("theme");
            if (theme != null && !theme.isEmpty()) {
                checkRef(doc, "theme", theme, themes, themeList, problems);
            }
            for (String slug : SiteModel.slugs(doc.getHeader().value("themes"))) {
                checkRef(doc, "themes", slug, themes, themeList, problems);
            }
            String session = doc.getHeader().value("session");
            if (session != null && !session.isEmpty()) {
                checkRef(doc, "session", session, sessions, sessionList, problems);
            }
            if (doc.getType() == DocType.THEME && doc.isPublished()
                    && all.stream().noneMatch(isTrendOf(doc.getSlug()))) {
                problems.add(path, doc.getHeader().titleLine(), Messages.get("ref.theme.no-trend", doc.getSlug()));
            }
        }
        checkTrendOrder(all, problems);
    }

    private static Predicate<Document> isTrendOf(String theme) {
        return d -> d.getType() == DocType.TREND && d.isPublished() && theme.equals(d.getHeader().value("theme"));
    }

    private static void checkRef(Document doc, String attribute, String slug, Map<String, Document> targets,
                                 String known, Problems problems) {
        int line = doc.getHeader().lineOf(attribute);
        Document target = targets.get(slug);
        String kind = attribute.startsWith("theme") ? "theme" : "session";
        if (target == null) {
            String knownText = known.isEmpty() ? Messages.get("ref.none") : known;
            problems.add(doc.getSourcePath(), line, kind.equals("theme")
                    ? Messages.get("ref.theme.unknown", slug, knownText)
                    : Messages.get("ref.session.unknown", slug, knownText));
        } else if (doc.isPublished() && !target.isPublished()) {
            problems.add(doc.getSourcePath(), line, kind.equals("theme")
                    ? Messages.get("ref.theme.draft", slug, target.getSourcePath())
                    : Messages.get("ref.session.draft", slug, target.getSourcePath()));
        }
    }

    private static void checkUnique(List<Document> all, Problems problems) {
        Map<String, Document> slugs = new HashMap<>();
        Map<String, Document> urls = new HashMap<>();
        Set<String> reserved = SiteModel.generatedPages().stream().map(GeneratedPage::getUrl).collect(Collectors.toSet());
        for (Document doc : all) {
            int line = Math.max(1, doc.getHeader().titleLine());
            Document other = slugs.putIfAbsent(doc.getSlug(), doc);
            if (other != null) {
                problems.add(doc.getSourcePath(), line, Messages.get("ref.slug.twice", doc.getSlug(), other.getSourcePath()));
            }
            String url = doc.getUrl().toLowerCase(Locale.ROOT);
            Document sameUrl = urls.putIfAbsent(url, doc);
            if (sameUrl != null && other == null) {
                problems.add(doc.getSourcePath(), line, Messages.get("ref.url.twice", doc.getUrl(), sameUrl.getSourcePath()));
            }
            if (reserved.contains(url)) {
                problems.add(doc.getSourcePath(), line, Messages.get("ref.url.generated", doc.getUrl()));
            }
        }
    }

    private static void checkTrendOrder(List<Document> all, Problems problems) {
        Map<String, Document> seen = new HashMap<>();
        for (Document doc : all) {
            if (doc.getType() == DocType.TREND && doc.isPublished()) {
                String key = doc.getHeader().value("theme") + "#" + doc.getOrder();
                Document other = seen.putIfAbsent(key, doc);
                if (other != null) {
                    problems.add(doc.getSourcePath(), doc.getHeader().lineOf("order"), Messages.get("ref.order.twice", doc.getOrder(), other.getSourcePath()));
                }
            }
        }
    }

    private static Map<String, Document> bySlug(List<Document> all, DocType type) {
        Map<String, Document> map = new HashMap<>();
        all.stream().filter(d -> d.getType() == type).forEach(d -> map.putIfAbsent(d.getSlug(), d));
        return map;
    }
}
