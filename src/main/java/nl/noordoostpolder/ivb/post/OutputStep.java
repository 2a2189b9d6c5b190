package nl.noordoostpolder.ivb.post;

import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * A step that works on the baked site before it is published: it uses what was read of the written pages (see
 * {@link BakedPage}) and writes files of its own, such as the search index or the sitemap. Steps run in order on the
 * staging folder.
 */
public interface OutputStep {

    void apply(SiteModel site, BakedSite baked, SiteSettings settings, Problems problems);
}
