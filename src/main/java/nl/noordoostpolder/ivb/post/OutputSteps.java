package nl.noordoostpolder.ivb.post;

import java.util.List;

import nl.noordoostpolder.ivb.search.SearchIndexWriter;

/**
 * The steps that run on every baked site, in order: the search index, the sitemap, the feed and robots.txt, then
 * the link check, last so it sees every file.
 */
public final class OutputSteps {

    private OutputSteps() {
    }

    public static List<OutputStep> all() {
        return List.of(new SearchIndexWriter(), new Sitemap(), new AtomFeed(), new RobotsTxt(), new LinkChecker());
    }
}
