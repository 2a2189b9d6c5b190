package nl.noordoostpolder.ivb.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Period;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.source.Header;
import nl.noordoostpolder.ivb.source.HeaderParser;
import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.source.SourceReader;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.DocumentReader;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.validate.ReferenceValidator;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Starts a new page: picks its folder and file name, fills in a valid header (a free place in the order, the theme
 * checked against the themes that exist), runs the checks {@code build} runs on the new file, and writes it only
 * when they pass. It never overwrites a file.
 * <p>
 * A new theme is written as a draft, because a published theme needs at least one published trend; a trend or
 * session about a draft theme is a draft too. Every other new page is published, so it shows in the preview at once.
 */
public final class PageCreator {

    /** What the editor asked for; {@code themes} and {@code period} may be empty or null. */
    public record Request(DocType type, String title, LocalDate date, List<String> themes, String period) {
    }

    /** The file written, relative to the source folder, and whether the page is published. */
    public record Created(Path file, String path, boolean published) {
    }

    private final Path sourceDir;
    private final Supplier<AsciidocConverter> converter;

    public PageCreator(Path sourceDir, Supplier<AsciidocConverter> converter) {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.converter = converter;
    }

    /**
     * @throws ContentException with the reasons when the page cannot be made; nothing is written then
     */
    public Created create(Request request) {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.contains("\n")) {
            throw usage(Messages.get("new.title.invalid"));
        }
        Problems ignored = new Problems();
        SourceTree tree = SourceTree.scan(sourceDir, ignored);
        if (!Files.isDirectory(tree.content())) {
            throw new ContentException(Problem.ofFile("content", Messages.get("new.content.missing", sourceDir)));
        }
        List<Document> existing = ContentLoader.load(tree, ignored);
        Map<String, Document> themes = existing.stream().filter(d -> d.getType() == DocType.THEME)
                .collect(Collectors.toMap(Document::getSlug, Function.identity(), (a, b) -> a, java.util.TreeMap::new));

        DocType type = request.type();
        List<String> themeSlugs = checkThemes(type, request.themes(), themes);
        String slug = DocumentReader.suggestSlug(title.replaceAll("['’‘`]", ""));
        String path = "content/" + (type.folder().isEmpty() ? "" : type.folder() + "/") + slug + ".adoc";
        Path file = sourceDir.resolve(path);
        if (Files.exists(file)) {
            throw usage(Messages.get("new.exists", path));
        }
        boolean published = type != DocType.THEME && themeSlugs.stream().allMatch(s -> themes.get(s).isPublished());
        String text = PageTemplate.text(new PageTemplate.Values(type, title, request.date(), published, themeSlugs,
                nextOrder(type, themeSlugs, existing, tree), period(type, request)));

        Problems problems = new Problems();
        SourceFile source = SourceFile.of(file, path, text);
        Optional<Document> doc = DocumentReader.read(source, problems, true);
        if (doc.isPresent()) {
            List<Document> all = new ArrayList<>(existing);
            all.add(doc.get());
            Problems references = new Problems();
            ReferenceValidator.check(all, references);
            references.list().stream().filter(p -> p.path().equals(path)).forEach(problems::add);
            if (problems.isEmpty()) {
                converter.get().convert(doc.get(), problems);
            }
        }
        problems.throwIfAny();
        write(file, path, text);
        return new Created(file, path, published);
    }

    private static List<String> checkThemes(DocType type, List<String> requested, Map<String, Document> themes) {
        List<String> slugs = requested == null ? List.of() : requested.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        String known = themes.isEmpty() ? Messages.get("new.themes.none") : String.join(", ", themes.keySet());
        if (type != DocType.TREND && type != DocType.SESSION && !slugs.isEmpty()) {
            throw usage(Messages.get("new.theme.not-allowed", type.id()));
        }
        if (type == DocType.TREND && slugs.size() != 1) {
            throw usage(Messages.get("new.theme.needed", known));
        }
        for (String slug : slugs) {
            if (!themes.containsKey(slug)) {
                throw usage(Messages.get("new.theme.unknown", slug, known));
            }
        }
        return slugs;
    }

    /**
     * The next free place: after the last theme, or after the last trend of the same theme. A page with a problem
     * is not among the {@code existing} documents, so the headers of all pages are read as well: its number is
     * taken too, even while something else in it (or elsewhere in the site) is wrong.
     */
    private static int nextOrder(DocType type, List<String> themes, List<Document> existing, SourceTree tree) {
        int last = existing.stream()
                .filter(d -> d.getType() == type && (type != DocType.TREND || themes.get(0).equals(d.getHeader().value("theme"))))
                .mapToInt(Document::getOrder).filter(o -> o != Integer.MAX_VALUE).max().orElse(0);
        for (Path page : tree.pages()) {
            Header header = headerOf(tree, page);
            if (header != null && type.id().equals(header.value("type"))
                    && (type != DocType.TREND || themes.get(0).equals(header.value("theme")))) {
                last = Math.max(last, orderOf(header));
            }
        }
        return last + 1;
    }

    /** The header of a page as far as it can be read, or null when the file cannot be read at all. */
    private static Header headerOf(SourceTree tree, Path page) {
        try {
            return HeaderParser.parse(SourceReader.read(page, tree.relative(page)), new Problems());
        } catch (ContentException e) {
            return null;
        }
    }

    private static int orderOf(Header header) {
        String order = header.value("order");
        try {
            return order == null ? 0 : Math.max(0, Integer.parseInt(order.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String period(DocType type, Request request) {
        String period = request.period() == null || request.period().isBlank() ? null : request.period().strip();
        if (period != null && type != DocType.MILESTONE && type != DocType.SESSION) {
            throw usage(Messages.get("new.period.not-allowed"));
        }
        if (period != null && Period.parse(period).isEmpty()) {
            throw usage(Messages.get("new.period.invalid", period, Period.formats()));
        }
        if (period == null && type == DocType.MILESTONE) {
            return request.date().toString().substring(0, 7);
        }
        return period;
    }

    private static void write(Path file, String path, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw usage(Messages.get("new.exists", path));
        } catch (IOException e) {
            throw new ContentException(Problem.ofFile(path, Messages.get("new.cannot-write", e.getMessage())));
        }
    }

    /** A request that cannot be carried out as asked; the command line reports it as wrong usage. */
    public static final class UsageException extends ContentException {
        UsageException(String message) {
            super(Problem.ofFile("new", message));
        }
    }

    private static UsageException usage(String message) {
        return new UsageException(message);
    }
}
