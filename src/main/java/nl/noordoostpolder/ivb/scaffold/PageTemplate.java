package nl.noordoostpolder.ivb.scaffold;

import java.time.LocalDate;
import java.util.List;

import nl.noordoostpolder.ivb.content.DocType;

/**
 * The text of a new page: a header that is complete and valid for its type, and a short body in Dutch with the
 * usual sections, each with a sentence that says what to write there. Editors should not need to know the header
 * attributes by heart, and should see at once what a good page of this type looks like.
 */
public final class PageTemplate {

    /**
     * What goes into the header.
     *
     * @param themes  theme slugs: one for a trend, any number for a session, none otherwise
     * @param order   the place among its siblings, for a theme or a trend; 0 otherwise
     * @param period  for a milestone (required) or a session (optional); null for none
     */
    public record Values(DocType type, String title, LocalDate date, boolean published, List<String> themes,
                         int order, String period) {
    }

    private PageTemplate() {
    }

    public static String text(Values v) {
        StringBuilder out = new StringBuilder(1024);
        out.append("= ").append(v.title()).append('\n');
        line(out, "type", v.type().id());
        line(out, "status", v.published() ? "published" : "draft");
        line(out, "date", v.date().toString());
        line(out, "summary", summary(v.type()));
        switch (v.type()) {
            case THEME -> line(out, "order", Integer.toString(v.order()));
            case TREND -> {
                line(out, "theme", v.themes().get(0));
                line(out, "order", Integer.toString(v.order()));
            }
            case SESSION -> {
                if (!v.themes().isEmpty()) {
                    line(out, "themes", String.join(", ", v.themes()));
                }
                if (v.period() != null) {
                    line(out, "period", v.period());
                }
            }
            case MILESTONE -> {
                line(out, "period", v.period());
                line(out, "progress", "planned");
            }
            case PAGE -> {
                // only the common attributes
            }
        }
        out.append('\n');
        out.append("// Uitleg over de regels hierboven en over de opmaak: docs/redactie.md\n");
        out.append("// Regels die met // beginnen, zoals deze, komen niet op de site.\n\n");
        out.append(body(v.type()));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(":jbake-").append(name).append(": ").append(value).append('\n');
    }

    static String summary(DocType type) {
        return switch (type) {
            case THEME -> "Schrijf hier in één zin waar dit thema over gaat.";
            case TREND -> "Schrijf hier in één zin wat deze trend is.";
            case SESSION -> "Schrijf hier in één zin wat deze sessie was.";
            case MILESTONE -> "Schrijf hier in één zin wat er bij deze stap gebeurt.";
            case PAGE -> "Schrijf hier in één zin waar deze pagina over gaat.";
        };
    }

    static String body(DocType type) {
        return switch (type) {
            case THEME -> """
                    == In het kort

                    Schrijf hier in twee of drie korte zinnen waar dit thema over gaat.

                    == Waar gaat dit thema over

                    Leg hier uit wat het thema betekent. Gebruik korte zinnen en gewone woorden.

                    == Trends en ontwikkelingen

                    De trends en ontwikkelingen bij dit thema staan hieronder.
                    Elke trend heeft een eigen pagina met uitleg.
                    """;
            case TREND -> """
                    == In het kort

                    Schrijf hier in twee of drie korte zinnen wat deze trend is.

                    == Wat deze trend betekent

                    Leg hier uit wat de trend betekent. Gebruik korte zinnen en gewone woorden.

                    == Wat de bron erover zegt

                    Schrijf hier wat de bron over deze trend zegt, en uit welke bron het komt.
                    """;
            case SESSION -> """
                    == In het kort

                    Schrijf hier in twee of drie korte zinnen wat deze sessie was.

                    == Wie meededen

                    Schrijf hier wie er meededen.

                    == Wat er is besproken

                    Schrijf hier wat er in de sessie is besproken.
                    """;
            case MILESTONE -> """
                    == In het kort

                    Schrijf hier in twee of drie korte zinnen wat er bij deze stap gebeurt.

                    == Wat dit betekent

                    Leg hier uit wat deze stap betekent voor het beleid.

                    == Status

                    Deze stap is gepland.
                    """;
            case PAGE -> """
                    == In het kort

                    Schrijf hier in twee of drie korte zinnen waar deze pagina over gaat.

                    == Meer informatie

                    Schrijf hier de rest van de tekst. Gebruik korte zinnen en gewone woorden.
                    """;
        };
    }
}
