package nl.noordoostpolder.ivb.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When something happens, as precisely as the source says it and no more precisely: a day
 * ({@code 2023-10-31}), a month ({@code 2023-12}) or a season ({@code voorjaar 2024}).
 * <p>
 * A policy timeline often only knows "spring 2024"; inventing a day for it would publish a date nobody set.
 * Periods sort by their first day.
 */
public record Period(LocalDate start, Precision precision, String season) implements Comparable<Period> {

    /** How much of the date is known. */
    public enum Precision { DAY, MONTH, SEASON }

    /** The accepted forms, for error messages. */
    /** The forms a period may take, for a message to the editor (in the language of the run). */
    public static String formats() {
        return nl.noordoostpolder.ivb.i18n.Messages.get("period.formats");
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern SEASON = Pattern.compile("(voorjaar|zomer|najaar|winter) (\\d{4})");
    private static final Map<String, Integer> SEASON_START = Map.of("voorjaar", 3, "zomer", 6, "najaar", 9, "winter", 12);
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter MONTH_TEXT = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);

    /** Parses one of the {@link #formats() forms}; empty when the text is none of them or names a day that does not exist. */
    public static Optional<Period> parse(String text) {
        String value = text.trim();
        try {
            Matcher m = DAY.matcher(value);
            if (m.matches()) {
                return Optional.of(new Period(Dates.parseStrict(value).orElseThrow(() -> new DateTimeException(value)),
                        Precision.DAY, null));
            }
            m = MONTH.matcher(value);
            if (m.matches()) {
                return Optional.of(new Period(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1),
                        Precision.MONTH, null));
            }
            m = SEASON.matcher(value);
            if (m.matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(2)), SEASON_START.get(m.group(1)), 1);
                return Optional.of(new Period(start, Precision.SEASON, m.group(1)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The period as Dutch readers write it: {@code 31 oktober 2023}, {@code december 2023}, {@code voorjaar 2024}. */
    public String text() {
        return switch (precision) {
            case DAY -> DAY_TEXT.format(start);
            case MONTH -> MONTH_TEXT.format(start);
            case SEASON -> season + " " + start.getYear();
        };
    }

    /** The period in machine-readable form for {@code <time datetime>}: {@code 2023-10-31}, {@code 2023-12} or {@code 2024}. */
    public String machineText() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case SEASON -> Integer.toString(start.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }
}
