package nl.noordoostpolder.ivb.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mitchellbosecke.pebble.PebbleEngine;
import com.mitchellbosecke.pebble.error.PebbleException;
import com.mitchellbosecke.pebble.extension.Extension;
import com.mitchellbosecke.pebble.loader.FileLoader;
import com.mitchellbosecke.pebble.template.PebbleTemplate;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Renders pages with the Pebble templates in {@code templates/}. Thread-safe: one engine renders all pages in
 * parallel.
 * <p>
 * Autoescaping is on, so every value from a page header lands escaped in text and attributes; only the converted
 * AsciiDoc body, checked by the body policy, is inserted with {@code | raw}. Strict variables make a misspelt
 * variable a template error instead of an empty string.
 */
public final class TemplateRenderer {

    private final PebbleEngine engine;
    private final SiteSettings settings;
    private final Path templatesDir;

    public TemplateRenderer(Path templatesDir, SiteSettings settings) {
        this(templatesDir, settings, List.of());
    }

    /**
     * A renderer with extra Pebble extensions, for example the preview server's recorder of which page reads what.
     */
    public TemplateRenderer(Path templatesDir, SiteSettings settings, List<Extension> extensions) {
        FileLoader loader = new FileLoader();
        loader.setPrefix(templatesDir.toAbsolutePath().toString());
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .extension(extensions.toArray(Extension[]::new))
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(true)
                .cacheActive(true)
                .build();
        this.settings = settings;
        this.templatesDir = templatesDir.toAbsolutePath().normalize();
    }

    /** A template name as Pebble reports it ({@code partials/footer}, or a full path) as a source path. */
    private String templateFile(String name) {
        Path path = Path.of(name);
        if (path.isAbsolute() && path.normalize().startsWith(templatesDir)) {
            path = templatesDir.relativize(path.normalize());
        }
        String file = path.toString().replace('\\', '/');
        return "templates/" + (file.endsWith(".peb") ? file : file + ".peb");
    }

    public SiteSettings settings() {
        return settings;
    }

    /**
     * Renders one page.
     *
     * @throws ContentException naming the template file and line when a template is missing or wrong
     */
    public String render(Page page, SiteModel site) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            PebbleTemplate template = engine.getTemplate(page.getTemplate());
            template.evaluate(out, context(page, site));
        } catch (PebbleException e) {
            throw new ContentException(templateProblem(e, page));
        } catch (IOException e) {
            throw new ContentException(Problem.ofFile("templates/" + page.getTemplate() + ".peb",
                    Messages.get("template.unreadable", e.getMessage())));
        }
        return out.toString();
    }

    private Map<String, Object> context(Page page, SiteModel site) {
        Map<String, Object> context = new HashMap<>();
        context.put("page", page);
        context.put("site", site);
        context.put("settings", settings);
        context.put("root", rootOf(page));
        context.put("nav", NAV);
        if (page == GeneratedPage.NOT_FOUND) {
            NotFoundPage notFound = NotFoundPage.of(templatesDir.resolveSibling(NotFoundPage.STYLESHEET), settings);
            context.put("notFound", notFound);
            context.put("csp", notFound.policy());
        } else {
            context.put("csp", ContentSecurityPolicy.SITE);
        }
        return context;
    }

    /**
     * The way back to the site root. The 404 page is served at every missing address, at any depth, so a relative
     * link from it would depend on the address that was asked for: its links start from the base path of the
     * configured base URL instead ({@code /repo/}). Without a base URL they are relative to the site root, and the
     * page's script corrects them (see {@link NotFoundPage}).
     */
    private String rootOf(Page page) {
        if (page != GeneratedPage.NOT_FOUND) {
            return page.getRoot();
        }
        return settings.hasBaseUrl() ? settings.basePath() : "";
    }

    private static final Map<String, GeneratedPage> NAV = Map.of(
            "themes", GeneratedPage.THEMES, "trends", GeneratedPage.TRENDS, "sessions", GeneratedPage.SESSIONS,
            "timeline", GeneratedPage.TIMELINE, "search", GeneratedPage.SEARCH, "az", GeneratedPage.INDEX_AZ);

    private Problem templateProblem(PebbleException e, Page page) {
        String file = templateFile(e.getFileName() == null ? page.getTemplate() : e.getFileName());
        Integer line = e.getLineNumber();
        String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
        return new Problem(file, line == null || line < 0 ? 0 : line,
                Messages.get("template.error", page.getUrl(), message));
    }
}
