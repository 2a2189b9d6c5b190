package nl.noordoostpolder.ivb.preview;

import java.util.List;

import nl.noordoostpolder.ivb.render.JsonStrings;
import nl.noordoostpolder.ivb.validate.Problem;
import nl.noordoostpolder.ivb.i18n.Messages;

/** The two small JSON documents the preview's browser script reads; written by hand to need no library. */
final class Json {

    private Json() {
    }

    /** {@code {"generation":3,"problems":[{"path":"...","line":6,"message":"...","text":"path:6: error: ..."}]}} */
    static String state(LiveSite.Snapshot snapshot) {
        StringBuilder out = new StringBuilder(256).append("{\"generation\":").append(snapshot.generation())
                .append(",\"ready\":").append(snapshot.root() != null).append(",\"problems\":[");
        List<Problem> problems = snapshot.problems();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            out.append(i == 0 ? "" : ",").append("{\"path\":").append(string(p.path()))
                    .append(",\"line\":").append(p.line())
                    .append(",\"message\":").append(string(p.message()))
                    .append(",\"text\":").append(string(p.toString())).append('}');
        }
        out.append("]");
        if (!problems.isEmpty()) {
            String heading = problems.size() == 1 ? Messages.get("preview.overlay.heading.one")
                    : Messages.get("preview.overlay.heading", problems.size());
            out.append(",\"texts\":{\"heading\":").append(string(heading))
                    .append(",\"help\":").append(string(Messages.get("preview.overlay.help")))
                    .append(",\"hide\":").append(string(Messages.get("preview.overlay.hide"))).append('}');
        }
        return out.append("}").toString();
    }

    /** A JSON string literal, see {@link JsonStrings}. */
    static String string(String s) {
        return JsonStrings.quote(new StringBuilder(s.length() + 2), s).toString();
    }
}
