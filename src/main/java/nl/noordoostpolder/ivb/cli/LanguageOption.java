package nl.noordoostpolder.ivb.cli;

/**
 * Finds {@code --lang} on the command line before picocli parses it: the language must be known before picocli
 * builds a help text or an error message, and every command accepts the option anywhere on the line.
 */
final class LanguageOption {

    static final String NAME = "--lang";

    private LanguageOption() {
    }

    /** The command ({@code build}, {@code serve}, ...): the first word that is neither an option nor its value. */
    static String command(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(NAME)) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }

    /** The value of the last {@code --lang X} or {@code --lang=X} before a {@code --}, or null when there is none. */
    static String in(String... args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(NAME)) {
                value = i + 1 < args.length ? args[i + 1] : "";
                i++;
            } else if (arg.startsWith(NAME + "=")) {
                value = arg.substring(NAME.length() + 1);
            }
        }
        return value;
    }
}
