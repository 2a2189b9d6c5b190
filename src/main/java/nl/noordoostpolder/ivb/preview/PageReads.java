package nl.noordoostpolder.ivb.preview;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Page;
import nl.noordoostpolder.ivb.content.SiteModel;

/**
 * Everything one page read from the site while its template ran: each attribute of a document or of the site model
 * (such as the title of a trend, or the list of trends of a theme) with the value it had. After an edit the page
 * needs to be rendered again exactly when one of these values is different in the new site model.
 * <p>
 * Documents are recorded by address, and a document value is remembered by its address only: the title of a listed
 * trend is a read of its own, so a changed body of that trend leaves the theme page alone. A read this class cannot
 * replay (an object of an unknown kind, a method called with arguments) marks the page as always stale, which is
 * slower but never wrong.
 */
final class PageReads {

    /**
     * The attributes of a {@link Document} that follow from its own file alone: the same {@code Document} object
     * (the preview keeps it while its file is unchanged, see {@link DocumentCache}) always gives the same value. Any
     * other attribute (its theme, its list of trends, its neighbours) comes from the site model and may change with
     * another page's header. A getter not listed here is compared after every such change, which is never wrong.
     */
    static final Set<String> OWN_ATTRIBUTES = Set.of("source", "header", "sourcePath", "type", "slug", "title",
            "summary", "url", "template", "kindLabel", "date", "dateText", "published", "order", "period", "progress",
            "progressLabel", "body", "sections");

    /** The owner of a read of the site model itself. */
    static final String SITE = "";
    private static final Map<String, Optional<Method>> GETTERS = new ConcurrentHashMap<>();

    record Read(String owner, String attribute) {
    }

    private final Map<Read, Object> reads = new LinkedHashMap<>();
    /** The values of the site being rendered; null once the page is rendered, so that no page keeps a site alive. */
    private Values site;
    private boolean alwaysStale;

    /** The reads of a page rendered from the site whose values are {@code site}. */
    PageReads(Values site) {
        this.site = site;
    }

    /** Records that the template read {@code attribute} of {@code instance}. */
    void record(Object instance, String attribute, boolean withArguments) {
        String owner;
        if (instance instanceof Document doc) {
            owner = doc.getUrl();
        } else if (instance instanceof SiteModel) {
            owner = SITE;
        } else {
            alwaysStale |= !isValue(instance);
            return;
        }
        if (withArguments) {
            alwaysStale = true;
            return;
        }
        Read read = new Read(owner, attribute);
        if (reads.containsKey(read)) {
            return;
        }
        Optional<Object> value = site.of(read);
        if (value.isEmpty()) {
            alwaysStale = true;
            return;
        }
        reads.put(read, value.get());
    }

    /** The page is rendered: nothing more is recorded, and the site it was rendered from may be forgotten. */
    void finish() {
        site = null;
    }

    /** Every value this page read, by what it read. */
    Map<Read, Object> values() {
        return reads;
    }

    /** Whether this page read something that cannot be compared, and is rendered again on every rebuild. */
    boolean alwaysStale() {
        return alwaysStale;
    }

    /**
     * The values of a new site model, each read once: most reads are shared by every page (the themes in the menu,
     * the title of a theme), so the pages of a large site ask for the same few values thousands of times. The pages
     * rendered in one rebuild record these same value objects, so the next rebuild compares each distinct value
     * once, not once per page (at 1000 pages a list of 100 trends was compared 100 times).
     * One instance per rebuild; pages may record from any thread, {@link #differs} is for one thread.
     */
    static final class Values {
        private final SiteModel site;
        private final Map<Read, Optional<Object>> known = new ConcurrentHashMap<>();
        /** The remembered form of each list the site model holds, made once: 700 trends share their theme's list. */
        private final Map<Object, Object> fingerprints = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
        /** Comparisons already made, by the two remembered values compared. */
        private final Map<Pair, Boolean> compared = new HashMap<>();

        private record Pair(Object before, Object now) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Pair p && p.before == before && p.now == now;
            }

            @Override
            public int hashCode() {
                return 31 * System.identityHashCode(before) + System.identityHashCode(now);
            }
        }

        Values(SiteModel site) {
            this.site = site;
        }

        /** Whether the value of {@code read} now is different from {@code before}, or cannot be read any more. */
        boolean differs(Read read, Object before) {
            Optional<Object> value = of(read);
            if (value.isEmpty()) {
                return true;
            }
            Object now = value.get();
            if (now == before) {
                return false;
            }
            if (!(now instanceof Collection<?> || now instanceof Map<?, ?>)) {
                return !Objects.equals(now, before);
            }
            return compared.computeIfAbsent(new Pair(before, now), p -> !Objects.equals(p.now(), p.before()));
        }

        /** The value now, or empty when it cannot be read (its document is gone, or is no longer a document). */
        Optional<Object> of(Read read) {
            return known.computeIfAbsent(read, r -> {
                Object owner = r.owner().equals(SITE) ? site : site.page(r.owner());
                if (!(owner instanceof Document) && !(owner instanceof SiteModel)) {
                    return Optional.empty();
                }
                return read(owner, r.attribute(), this);
            });
        }

        /** The remembered form of {@code value}, the same object for the same list every time it is asked. */
        private Object fingerprint(Object value) {
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                Object known = fingerprints.get(value);
                if (known == null) {
                    known = PageReads.fingerprint(value);
                    fingerprints.put(value, known);
                }
                return known;
            }
            return PageReads.fingerprint(value);
        }
    }

    /**
     * Objects that cannot change without a read that is already recorded: values, the site settings (a change of
     * {@code jbake.properties} renders every page anyway), the pages the site makes itself, collections and maps
     * (lists come from a recorded read; maps are the template's own or the fixed navigation), and Pebble's own
     * objects, such as the {@code loop} variable of a for loop over a list that was read.
     */
    private static boolean isValue(Object o) {
        return o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean
                || o instanceof Character || o instanceof Enum<?> || o instanceof TemporalAccessor
                || o instanceof Collection<?> || o instanceof Map<?, ?> || o.getClass().isArray()
                || o.getClass().isRecord() || o.getClass().getName().startsWith("com.mitchellbosecke.pebble.");
    }

    /** The value as remembered: documents and pages by address, lists element by element. */
    private static Object fingerprint(Object value) {
        if (value instanceof Page page) {
            return "page:" + page.getUrl();
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(fingerprint(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, fingerprint(v)));
            return out;
        }
        return value;
    }

    /** Reads an attribute the way Pebble does for a bean: {@code getX()}, {@code isX()}, {@code hasX()}, {@code x()}. */
    private static Optional<Object> read(Object owner, String attribute, Values values) {
        Optional<Method> getter = GETTERS.computeIfAbsent(owner.getClass().getName() + "#" + attribute,
                k -> findGetter(owner.getClass(), attribute));
        if (getter.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Optional.ofNullable(values.fingerprint(getter.get().invoke(owner))).orElse(NULL));
        } catch (IllegalAccessException | InvocationTargetException e) {
            return Optional.empty();
        }
    }

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static Optional<Method> findGetter(Class<?> type, String attribute) {
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        String cap = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        for (String name : List.of("get" + cap, "is" + cap, "has" + cap, attribute)) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() != void.class) {
                    return Optional.of(m);
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
