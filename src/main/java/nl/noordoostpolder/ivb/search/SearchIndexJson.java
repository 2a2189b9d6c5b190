package nl.noordoostpolder.ivb.search;

import java.util.List;

import nl.noordoostpolder.ivb.render.JsonStrings;

/**
 * Writes a {@link SearchIndex} as compact JSON: arrays instead of objects, so no key is repeated per row. The search
 * script ({@code assets/js/search.js}) reads exactly this shape:
 * <pre>
 * {"v":1,
 *  "kinds":[[key,label,pluralLabel],...],
 *  "themes":[[slug,title],...],
 *  "pages":[[url,title,kind,[theme,...]],...],
 *  "sections":[[page,fragment,heading,text],...]}
 * </pre>
 * Bump {@link #VERSION} when the shape changes.
 */
public final class SearchIndexJson {

    public static final int VERSION = 1;

    private SearchIndexJson() {
    }

    public static String write(SearchIndex index) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("{\"v\":").append(VERSION).append(",\n\"kinds\":[");
        join(out, index.kinds(), (k, o) -> {
            o.append('[');
            string(o, k.key()).append(',');
            string(o, k.label()).append(',');
            string(o, k.pluralLabel()).append(']');
        });
        out.append("],\n\"themes\":[");
        join(out, index.themes(), (t, o) -> {
            o.append('[');
            string(o, t.slug()).append(',');
            string(o, t.title()).append(']');
        });
        out.append("],\n\"pages\":[");
        join(out, index.pages(), (p, o) -> {
            o.append("\n[");
            string(o, p.url()).append(',');
            string(o, p.title()).append(',').append(p.kind()).append(",[");
            join(o, p.themes(), (t, oo) -> oo.append(t));
            o.append("]]");
        });
        out.append("],\n\"sections\":[");
        join(out, index.sections(), (s, o) -> {
            o.append("\n[").append(s.page()).append(',');
            string(o, s.section().fragment()).append(',');
            string(o, s.section().heading()).append(',');
            string(o, s.section().text()).append(']');
        });
        return out.append("]}\n").toString();
    }

    private interface Writer<T> {
        void write(T value, StringBuilder out);
    }

    private static <T> void join(StringBuilder out, List<T> values, Writer<T> writer) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writer.write(values.get(i), out);
        }
    }

    /** A JSON string literal, see {@link JsonStrings}. */
    static StringBuilder string(StringBuilder out, String s) {
        return JsonStrings.quote(out, s);
    }
}
