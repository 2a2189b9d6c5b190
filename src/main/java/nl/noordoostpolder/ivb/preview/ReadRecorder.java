package nl.noordoostpolder.ivb.preview;

import java.util.List;
import java.util.function.Supplier;

import com.mitchellbosecke.pebble.attributes.AttributeResolver;
import com.mitchellbosecke.pebble.attributes.ResolvedAttribute;
import com.mitchellbosecke.pebble.extension.AbstractExtension;
import com.mitchellbosecke.pebble.node.ArgumentsNode;
import com.mitchellbosecke.pebble.template.EvaluationContextImpl;

/**
 * A Pebble extension that watches templates read attributes ({@code page.title}, {@code theme.trends}) and records
 * them in the {@link PageReads} of the page being rendered on this thread. It resolves nothing itself, so Pebble
 * goes on to its own resolver and the output is unchanged.
 */
final class ReadRecorder extends AbstractExtension implements AttributeResolver {

    private static final ThreadLocal<PageReads> CURRENT = new ThreadLocal<>();

    /** Runs {@code render} on this thread and records its reads into {@code reads}. */
    static <T> T recording(PageReads reads, Supplier<T> render) {
        CURRENT.set(reads);
        try {
            return render.get();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(this);
    }

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
                                     ArgumentsNode args, EvaluationContextImpl context, String filename,
                                     int lineNumber) {
        PageReads reads = CURRENT.get();
        if (reads != null) {
            reads.record(instance, String.valueOf(attributeNameValue), argumentValues != null && argumentValues.length > 0);
        }
        return null;
    }
}
