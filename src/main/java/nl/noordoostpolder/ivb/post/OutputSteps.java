package nl.noordoostpolder.ivb.post;

import java.util.List;

/** The steps that run on every baked site, in order; the link check comes last so it sees every file. */
public final class OutputSteps {

    private OutputSteps() {
    }

    public static List<OutputStep> all() {
        return List.of(new Sitemap(), new AtomFeed(), new RobotsTxt(), new LinkChecker());
    }
}
