package nl.noordoostpolder.ivb.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language the tool speaks to a person: Dutch, unless English is asked for.
 * <p>
 * The editors are Dutch communications staff, so Dutch is the default even on a machine whose locale says nothing
 * (CI, {@code C}, {@code POSIX}). English is chosen by {@code --lang en}, or else by an English locale in the
 * environment: the first non-empty of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG}, as POSIX reads them.
 * The machine-readable parts of the output ({@code file:line: error:}, exit codes) are the same in both.
 */
public enum Language {
    NL(Locale.forLanguageTag("nl-NL")),
    EN(Locale.ENGLISH);

    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private static volatile Language current = NL;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of this process's messages. */
    public static Language current() {
        return current;
    }

    /** Makes {@code language} the language of every message from now on (the command line sets it once per run). */
    public static void use(Language language) {
        current = java.util.Objects.requireNonNull(language, "language");
    }

    /**
     * The language for a run: {@code option} ({@code nl} or {@code en}, as given to {@code --lang}) when present,
     * otherwise English when the environment's locale is English, otherwise Dutch.
     *
     * @throws IllegalArgumentException when {@code option} names neither language
     */
    public static Language choose(String option, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return parse(option);
        }
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("en") ? EN : NL;
            }
        }
        return NL;
    }

    /** {@code nl} or {@code en} (case and a region such as {@code nl_NL} or {@code en-GB} do not matter). */
    public static Language parse(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("nl") || lower.startsWith("nl_") || lower.startsWith("nl-")) {
            return NL;
        }
        if (lower.equals("en") || lower.startsWith("en_") || lower.startsWith("en-")) {
            return EN;
        }
        throw new IllegalArgumentException(Messages.get("lang.unknown", tag));
    }
}
