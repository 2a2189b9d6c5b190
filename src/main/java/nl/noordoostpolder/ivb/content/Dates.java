package nl.noordoostpolder.ivb.content;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Strict dates. JBake reads {@code 31-12-2023} as the year 37 and {@code 2024-02-30} as 1 March; here both are errors.
 */
public final class Dates {

    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DUTCH_TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl-NL"));

    private Dates() {
    }

    /** Parses {@code YYYY-MM-DD}; empty for any other form or for a day that does not exist. */
    public static Optional<LocalDate> parseStrict(String text) {
        if (text == null || !text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim(), ISO_STRICT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 30 november 2026}. */
    public static String dutch(LocalDate date) {
        return DUTCH_TEXT.format(date);
    }
}
