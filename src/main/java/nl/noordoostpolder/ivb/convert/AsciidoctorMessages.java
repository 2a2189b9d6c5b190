package nl.noordoostpolder.ivb.convert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asciidoctor.log.LogRecord;

import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.i18n.Messages;

/** Turns Asciidoctor's log messages into problems an editor can act on: the file, the line and what to do. */
final class AsciidoctorMessages {

    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("(?:skipping|dropping line containing) reference to missing attribute: (\\S+)");
    private static final Map<String, String> HINTS = new LinkedHashMap<>();

    static {
        // Asciidoctor's own words (always English) -> the key of the hint for the editor
        HINTS.put("unterminated", "asciidoctor.hint.unterminated");
        HINTS.put("include file not found", "asciidoctor.hint.include-not-found");
        HINTS.put("maximum include depth", "asciidoctor.hint.include-depth");
        HINTS.put("invalid reference", "asciidoctor.hint.invalid-reference");
        HINTS.put("section title out of sequence", "asciidoctor.hint.section-level");
        HINTS.put("list item index", "asciidoctor.hint.list-index");
        HINTS.put("id assigned to section already in use", "asciidoctor.hint.duplicate-id");
    }

    private AsciidoctorMessages() {
    }

    static Problem toProblem(LogRecord record, SourceFile source, Path contentRoot) {
        String message = record.getMessage().replace(contentRoot.toString() + "/", "content/")
                .replace(contentRoot.toString(), "content");
        int line = record.getCursor() == null ? 0 : Math.max(0, record.getCursor().getLineNumber());
        String path = fileOf(record, contentRoot).orElse(source.path());
        if (!path.equals(source.path())) {
            return new Problem(path, line, Messages.get("asciidoctor.included", source.path(), message)
                    + hintFor(message));
        }
        Matcher missing = MISSING_ATTRIBUTE.matcher(message);
        if (missing.find()) {
            String name = missing.group(1);
            int at = source.lineOf("{" + name + "}");
            return new Problem(source.path(), line > 0 ? line : at, Messages.get("asciidoctor.attribute.missing", name));
        }
        return new Problem(source.path(), Math.max(1, line), Messages.get("asciidoctor.message", message)
                + hintFor(message));
    }

    private static String hintFor(String message) {
        return HINTS.entrySet().stream().filter(e -> message.contains(e.getKey()))
                .map(e -> ". " + Messages.get(e.getValue()))
                .findFirst().orElse("");
    }

    /** The shared text file a message is about, when it is not the page itself: {@code content/_gedeeld/x.adoc}. */
    private static Optional<String> fileOf(LogRecord record, Path contentRoot) {
        if (record.getCursor() == null || record.getCursor().getFile() == null) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(record.getCursor().getFile()).toAbsolutePath().normalize();
            return file.startsWith(contentRoot) && Files.isRegularFile(file)
                    ? Optional.of("content/" + contentRoot.relativize(file).toString().replace('\\', '/'))
                    : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
