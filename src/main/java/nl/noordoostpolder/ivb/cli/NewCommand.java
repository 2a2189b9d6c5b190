package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.noordoostpolder.ivb.content.Dates;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.convert.AsciidocConverter;
import nl.noordoostpolder.ivb.scaffold.PageCreator;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.i18n.Messages;

/** {@code new}: starts a page of a type, with a valid header and a short Dutch template to write over. */
@Command(name = "new", mixinStandardHelpOptions = true)
final class NewCommand implements Callable<Integer> {

    private static final Map<String, DocType> DUTCH = Map.of("thema", DocType.THEME, "sessie", DocType.SESSION,
            "mijlpaal", DocType.MILESTONE, "pagina", DocType.PAGE);

    @Parameters(index = "0", paramLabel = "TYPE", descriptionKey = "type")
    String type;

    @Parameters(index = "1", paramLabel = "TITLE", descriptionKey = "title")
    String title;

    @Parameters(index = "2", arity = "0..1", defaultValue = ".", paramLabel = "SOURCE_DIR", descriptionKey = "sourceDir")
    Path sourceDir;

    @Option(names = "--theme", paramLabel = "SLUG", split = ",")
    List<String> themes;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD")
    String date;

    @Option(names = "--period", paramLabel = "PERIOD")
    String period;

    @Option(names = "--verbose")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DocType> docType = docType(type);
        if (docType.isEmpty()) {
            err.println("error: " + Messages.get("new.type.unknown", type, DocType.knownIds()));
            return Main.USAGE;
        }
        LocalDate day = date == null ? LocalDate.now() : Dates.parseStrict(date).orElse(null);
        if (day == null) {
            err.println("error: " + Messages.get("new.date.invalid", date, LocalDate.now()));
            return Main.USAGE;
        }
        AsciidocConverter[] started = new AsciidocConverter[1];
        try {
            PageCreator creator = new PageCreator(sourceDir, () -> started[0] = new AsciidocConverter(
                    sourceDir.toAbsolutePath().normalize().resolve("content")));
            PageCreator.Created created = creator.create(new PageCreator.Request(docType.get(), title, day, themes, period));
            out.println(Messages.get("new.written", Commands.display(created.file())));
            if (!created.published()) {
                out.println(docType.get() == DocType.THEME
                        ? Messages.get("new.draft.theme", slugOf(created.path()))
                        : Messages.get("new.draft.trend"));
            }
            out.println(Messages.get("new.next", created.published() ? Messages.get("new.next.published") : ""));
            return Main.OK;
        } catch (PageCreator.UsageException e) {
            e.problems().forEach(p -> err.println("error: " + p.message()));
            return Main.USAGE;
        } catch (ContentException e) {
            Commands.printProblems(e, err);
            err.println(Messages.get("new.nothing-written"));
            return Main.CONTENT_ERRORS;
        } finally {
            if (started[0] != null) {
                started[0].close();
            }
        }
    }

    private static Optional<DocType> docType(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return DocType.byId(key).or(() -> Optional.ofNullable(DUTCH.get(key)));
    }

    private static String slugOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".adoc".length());
    }
}
