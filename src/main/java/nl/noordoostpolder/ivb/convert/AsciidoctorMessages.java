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

/** Turns Asciidoctor's log messages into problems an editor can act on: the file, the line and what to do. */
final class AsciidoctorMessages {

    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("(?:skipping|dropping line containing) reference to missing attribute: (\\S+)");
    private static final Map<String, String> HINTS = new LinkedHashMap<>();

    static {
        HINTS.put("unterminated", "Close the block with the same line that opens it (for example ---- or ====).");
        HINTS.put("include file not found", "Check the file name and that the file is in content/.");
        HINTS.put("maximum include depth", "A file includes itself, directly or through another file. Remove the loop.");
        HINTS.put("invalid reference", "Check the name of the section or page the reference points at.");
        HINTS.put("section title out of sequence", "Use == for a section and === for a subsection; do not skip a level.");
        HINTS.put("list item index", "Number the list items in order, or use '.' for every item.");
        HINTS.put("id assigned to section already in use", "Give the two sections different titles or ids.");
    }

    private AsciidoctorMessages() {
    }

    static Problem toProblem(LogRecord record, SourceFile source, Path contentRoot) {
        String message = record.getMessage().replace(contentRoot.toString() + "/", "content/")
                .replace(contentRoot.toString(), "content");
        int line = record.getCursor() == null ? 0 : Math.max(0, record.getCursor().getLineNumber());
        String path = fileOf(record, contentRoot).orElse(source.path());
        if (!path.equals(source.path())) {
            return new Problem(path, line, "Asciidoctor (included from " + source.path() + "): " + message
                    + hintFor(message));
        }
        Matcher missing = MISSING_ATTRIBUTE.matcher(message);
        if (missing.find()) {
            String name = missing.group(1);
            int at = source.lineOf("{" + name + "}");
            return new Problem(source.path(), line > 0 ? line : at, "the attribute {" + name + "} is not defined, so '{"
                    + name + "}' would stand in the text. Define it with ':" + name + ": waarde' in the header, or "
                    + "write the text itself. To show the braces, write \\{" + name + "}.");
        }
        return new Problem(source.path(), Math.max(1, line), "Asciidoctor: " + message + hintFor(message));
    }

    private static String hintFor(String message) {
        return HINTS.entrySet().stream().filter(e -> message.contains(e.getKey())).map(e -> ". " + e.getValue())
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
