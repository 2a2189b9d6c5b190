package nl.noordoostpolder.ivb.preview;

import nl.noordoostpolder.ivb.i18n.Language;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * The page the preview shows while there is no good build yet: at start-up, or when the sources had a problem from
 * the first build on. The live-reload script shows the problems over it and loads the site once it builds.
 */
final class WaitingPage {

    private WaitingPage() {
    }

    static String html(LiveSite.Snapshot snapshot) {
        String text = Messages.get(snapshot.problems().isEmpty() ? "preview.waiting.building" : "preview.waiting.problem");
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                </main>
                </body>
                </html>
                """.formatted(Language.current().locale().getLanguage(), escape(Messages.get("preview.waiting.title")),
                escape(Messages.get("preview.waiting.heading")), escape(text));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
