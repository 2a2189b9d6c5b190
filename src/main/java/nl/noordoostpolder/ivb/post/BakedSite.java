package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A baked site as the output steps see it: the folder the pages were written to, and the {@link BakedPage reading}
 * of every page the bake rendered. An HTML file the bake did not render (one copied from the assets) is read from
 * the folder when a step asks for it.
 */
public final class BakedSite {

    private final Path folder;
    private final Map<String, BakedPage> rendered;

    /**
     * @param folder   the folder the site is written to
     * @param rendered the reading of each rendered page by its path from the site root
     */
    public BakedSite(Path folder, Map<String, BakedPage> rendered) {
        this.folder = folder;
        this.rendered = Map.copyOf(rendered);
    }

    public Path folder() {
        return folder;
    }

    /** The reading of the HTML file at {@code url} (a path from the site root). */
    public BakedPage page(String url) {
        BakedPage page = rendered.get(url);
        if (page != null) {
            return page;
        }
        try {
            return BakedPage.read(url, new String(Files.readAllBytes(folder.resolve(url)), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
