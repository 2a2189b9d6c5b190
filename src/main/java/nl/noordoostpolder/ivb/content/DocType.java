package nl.noordoostpolder.ivb.content;

import static nl.noordoostpolder.ivb.content.AttributeSpec.optional;
import static nl.noordoostpolder.ivb.content.AttributeSpec.required;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The document types of a policy publication, declared once: their folder under {@code content/}, their
 * header attributes and the Dutch words the site uses for them.
 * <p>
 * Every type also has the {@linkplain #COMMON common attributes}: {@code type}, {@code status}, {@code date} and
 * {@code summary}. A page without {@code status} is a draft and is never published.
 */
public enum DocType {
    THEME("theme", "themes", "Thema", "Thema's",
            List.of(required("order", AttributeKind.ORDER, "1"))),
    TREND("trend", "trends", "Trend", "Trends",
            List.of(required("theme", AttributeKind.THEME, "cybercrime"),
                    required("order", AttributeKind.ORDER, "1"))),
    SESSION("session", "sessions", "Sessie", "Sessies",
            List.of(optional("themes", AttributeKind.THEMES, "cybercrime"),
                    optional("period", AttributeKind.PERIOD, "2023-10-31"))),
    MILESTONE("milestone", "milestones", "Mijlpaal", "Mijlpalen",
            List.of(required("period", AttributeKind.PERIOD, "voorjaar 2024"),
                    required("progress", AttributeKind.PROGRESS, "planned"),
                    optional("session", AttributeKind.SESSION, "beeldvormende-vergadering"))),
    PAGE("page", "", "Pagina", "Pagina's", List.of());

    /** Attributes every type has. */
    public static final List<AttributeSpec> COMMON = Common.ATTRIBUTES;

    /** Holder, so that the enum constants can use the common attributes in their constructor. */
    private static final class Common {
        static final List<AttributeSpec> ATTRIBUTES = List.of(
                required("type", AttributeKind.TEXT, "trend"),
                required("date", AttributeKind.DATE, "2024-03-01"),
                required("summary", AttributeKind.TEXT, "Eén zin die zegt waar de pagina over gaat."),
                optional("status", AttributeKind.TEXT, "published"));
    }

    private final String id;
    private final String folder;
    private final String label;
    private final String pluralLabel;
    private final List<AttributeSpec> attributes;

    DocType(String id, String folder, String label, String pluralLabel, List<AttributeSpec> own) {
        this.id = id;
        this.folder = folder;
        this.label = label;
        this.pluralLabel = pluralLabel;
        List<AttributeSpec> all = new ArrayList<>(Common.ATTRIBUTES);
        all.addAll(own);
        this.attributes = List.copyOf(all);
    }

    /** The name used in {@code :jbake-type:}. */
    public String id() {
        return id;
    }

    /** The folder under {@code content/} that holds pages of this type; empty for plain pages. */
    public String folder() {
        return folder;
    }

    /** The Dutch name of one such page, as shown to readers. */
    public String label() {
        return label;
    }

    public String pluralLabel() {
        return pluralLabel;
    }

    public List<AttributeSpec> attributes() {
        return attributes;
    }

    public Optional<AttributeSpec> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public static Optional<DocType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The known type names, for error messages: {@code theme, trend, ...}. */
    public static String knownIds() {
        return Arrays.stream(values()).map(DocType::id).collect(Collectors.joining(", "));
    }
}
