package nl.noordoostpolder.ivb.i18n;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of what the tool says to a person, in Dutch and English.
 * <p>
 * Texts live in {@code messages_nl.properties} and {@code messages_en.properties} beside this class (UTF-8), one key
 * per message; {@code {0}}, {@code {1}}, ... are replaced by the values given. Unlike {@link java.text.MessageFormat}
 * an apostrophe is an ordinary character, so Dutch plurals such as "pagina's" need no escaping, and values are
 * inserted as they are (format numbers before passing them).
 * <pre>{@code
 * Messages.get("ref.theme.unknown", slug, known)   // in the current language
 * }</pre>
 */
public final class Messages {

    private static final String BUNDLE = "nl.noordoostpolder.ivb.i18n.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NoFallback.INSTANCE));
        }
    }

    private Messages() {
    }

    /** The message {@code key} in the current language, with its placeholders filled. */
    public static String get(String key, Object... values) {
        return in(Language.current(), key, values);
    }

    /** The message {@code key} in {@code language}, with its placeholders filled. */
    public static String in(Language language, String key, Object... values) {
        String pattern;
        try {
            pattern = BUNDLES.get(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' for " + language, e);
        }
        return fill(pattern, values);
    }

    /**
     * {@code value} with {@code decimals} digits after the decimal sign, written as the current language writes
     * numbers: {@code 3,1} and {@code 1.250} in Dutch, {@code 3.1} and {@code 1,250} in English.
     */
    public static String number(double value, int decimals) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Language.current().locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** A whole number written as the current language writes it ({@code 1.250} in Dutch, {@code 1,250} in English). */
    public static String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(Language.current().locale()).format(value);
    }

    /** The raw text of {@code key} in {@code language}, placeholders unfilled (for tests and the guide). */
    public static ResourceBundle bundle(Language language) {
        return BUNDLES.get(language);
    }

    static String fill(String pattern, Object... values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= values.length) {
                throw new IllegalArgumentException("message '" + pattern + "' needs value {" + index + "}, got "
                        + values.length);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values[index])));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Looks up exactly the requested language: never the JVM's default locale, never the base bundle. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public java.util.List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
