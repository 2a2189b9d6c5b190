package nl.noordoostpolder.ivb.bake;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader view that hides jbake-core's own list of rendering tools, so that JBake's {@code Oven}, which
 * loads every {@code RenderingTool} it finds through {@link java.util.ServiceLoader}, runs this site's renderer and
 * not the stock ones (a quadratic documents renderer, and index, archive, tags, feed and sitemap renderers whose
 * links break under a sub-path).
 */
final class OwnRenderingToolsOnly extends ClassLoader {

    private static final String SERVICE = "META-INF/services/org.jbake.render.RenderingTool";

    OwnRenderingToolsOnly(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!SERVICE.equals(name)) {
            return all;
        }
        List<URL> own = Collections.list(all).stream().filter(url -> !url.toString().contains("jbake-core")).toList();
        return Collections.enumeration(own);
    }
}
