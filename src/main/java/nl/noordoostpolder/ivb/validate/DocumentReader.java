package nl.noordoostpolder.ivb.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.noordoostpolder.ivb.content.AttributeSpec;
import nl.noordoostpolder.ivb.content.Dates;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Period;
import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.scaffold.Placeholders;
import nl.noordoostpolder.ivb.source.Header;
import nl.noordoostpolder.ivb.source.HeaderParser;
import nl.noordoostpolder.ivb.source.SourceFile;

/**
 * Turns one content file into a {@link Document}, checking everything that can be checked within the file: the
 * type, the folder, the required attributes and the form of each value. References to other pages are checked by
 * {@link ReferenceValidator} once all files are read.
 */
public final class DocumentReader {

    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*}");
    /** A summary becomes the meta description; search engines show about this much. */
    public static final int MAX_SUMMARY = 300;

    private DocumentReader() {
    }

    /** The document, or empty when the file has a problem that makes it unusable (the problem is reported). */
    public static Optional<Document> read(SourceFile source, Problems problems) {
        return read(source, problems, false);
    }

    /**
     * As {@link #read(SourceFile, Problems)}; with {@code placeholdersAllowed} the sentences {@code new} writes for
     * the editor to replace are not reported (for {@code new} itself, which checks the page it is about to write).
     */
    public static Optional<Document> read(SourceFile source, Problems problems, boolean placeholdersAllowed) {
        int before = problems.size();
        Header header = HeaderParser.parse(source, problems);
        String path = source.path();

        Optional<DocType> type = type(header, path, problems);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        DocType docType = type.get();
        String slug = slug(path);
        checkLocation(docType, header, path, slug, problems);
        checkAttributes(docType, header, path, problems);
        checkHasText(source, header, problems);
        Matcher reference = ATTRIBUTE_REFERENCE.matcher(header.title());
        if (reference.find()) {
            problems.add(path, header.titleLine(), Messages.get("page.title.attribute", reference.group()));
        }

        String status = header.value("status");
        if (status != null && !status.equals("published") && !status.equals("draft")) {
            problems.add(path, header.lineOf("status"), Messages.get("page.status.invalid", status));
        }
        if (!placeholdersAllowed) {
            Placeholders.check(source, header, "published".equals(status), problems);
        }
        String summary = Optional.ofNullable(header.value("summary")).orElse("");
        if (summary.length() > MAX_SUMMARY) {
            problems.add(path, header.lineOf("summary"), Messages.get("page.summary.long", summary.length(), MAX_SUMMARY));
        }
        LocalDate date = header.value("date") == null ? null : Dates.parseStrict(header.value("date")).orElse(null);
        Period period = header.value("period") == null ? null : Period.parse(header.value("period")).orElse(null);
        int order = header.value("order") == null ? Integer.MAX_VALUE : parseOrder(header.value("order"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        String url = path.substring("content/".length()).replaceAll("\\.adoc$", ".html");
        return Optional.of(new Document(source, header, docType, slug, url, summary, date,
                "published".equals(status), order, period, header.value("progress")));
    }

    /** A page with only a header is a mistake (a lost paste, a file saved too early), never a page to publish. */
    private static void checkHasText(SourceFile source, Header header, Problems problems) {
        if (header.titleLine() == 0) {
            return; // reported as a missing title already
        }
        List<String> lines = source.lines();
        for (int i = Math.max(0, header.bodyLine() - 1); i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("//")) {
                return;
            }
        }
        problems.add(source.path(), Math.max(1, Math.min(header.bodyLine() - 1, lines.size())), Messages.get("page.body.empty"));
    }

    private static Optional<DocType> type(Header header, String path, Problems problems) {
        String value = header.value("type");
        if (value == null || value.isEmpty()) {
            problems.add(path, Math.max(1, header.titleLine()), Messages.get("page.type.missing", DocType.knownIds()));
            return Optional.empty();
        }
        Optional<DocType> type = DocType.byId(value);
        if (type.isEmpty()) {
            problems.add(path, header.lineOf("type"), Messages.get("page.type.unknown", value, DocType.knownIds()));
        }
        return type;
    }

    private static String slug(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".adoc") ? name.substring(0, name.length() - 5) : name;
    }

    private static void checkLocation(DocType type, Header header, String path, String slug, Problems problems) {
        String folder = path.substring("content/".length(), path.lastIndexOf('/') + 1);
        String expected = type.folder().isEmpty() ? "" : type.folder() + "/";
        if (!folder.equals(expected)) {
            problems.add(path, header.lineOf("type"), Messages.get("page.folder.wrong", type.id(), "content/" + expected));
        }
        if (!slug.matches(SLUG)) {
            problems.add(path, Math.max(1, header.titleLine()), Messages.get("page.filename.invalid", slug + ".adoc", suggestSlug(slug) + ".adoc"));
        }
    }

    /** A slug made from a title: lower case ascii words joined by hyphens. */
    public static String suggestSlug(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(java.util.Locale.ROOT).replace("&", " en ").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "pagina" : slug;
    }

    private static void checkAttributes(DocType type, Header header, String path, Problems problems) {
        for (AttributeSpec spec : type.attributes()) {
            Header.Value value = header.attributes().get(spec.name());
            if (value == null || value.text().isEmpty()) {
                if (spec.required()) {
                    problems.add(path, Math.max(1, value == null ? header.titleLine() : value.line()),
                            Messages.get(value == null ? "page.attribute.missing" : "page.attribute.empty", spec.headerName(),
                                    type.id(), spec.headerName() + " " + spec.example()));
                }
                continue;
            }
            checkValue(spec, value, path, problems);
        }
        for (Map.Entry<String, Header.Value> entry : header.attributes().entrySet()) {
            if (type.attribute(entry.getKey()).isEmpty()) {
                String known = type.attributes().stream().map(AttributeSpec::headerName).collect(Collectors.joining(", "));
                problems.add(path, entry.getValue().line(), Messages.get("page.attribute.unknown", ":" + AttributeSpec.PREFIX + entry.getKey() + ":", type.id(), known));
            }
        }
    }

    private static void checkValue(AttributeSpec spec, Header.Value value, String path, Problems problems) {
        String text = value.text();
        String name = "'" + spec.headerName() + "'";
        switch (spec.kind()) {
            case DATE -> {
                if (Dates.parseStrict(text).isEmpty()) {
                    problems.add(path, value.line(), Messages.get("page.date.invalid", name, text));
                }
            }
            case PERIOD -> {
                if (Period.parse(text).isEmpty()) {
                    problems.add(path, value.line(), Messages.get("page.period.invalid", name, text, Period.formats()));
                }
            }
            case ORDER -> {
                if (parseOrder(text) < 1) {
                    problems.add(path, value.line(), Messages.get("page.order.invalid", name, text));
                }
            }
            case PROGRESS -> {
                if (!List.of("done", "planned").contains(text)) {
                    problems.add(path, value.line(), Messages.get("page.progress.invalid", name, text));
                }
            }
            case TEXT -> {
                if (text.contains("{") && text.matches(".*\\{[A-Za-z0-9_-]+}.*")) {
                    problems.add(path, value.line(), Messages.get("page.header.attribute", name, text.replaceAll(".*(\\{[A-Za-z0-9_-]+}).*", "$1")));
                }
            }
            default -> {
                // references are checked once all pages are known
            }
        }
    }

    private static int parseOrder(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
