package nl.noordoostpolder.ivb.preview;

/**
 * The page the preview shows while there is no good build yet: at start-up, or when the sources had a problem from
 * the first build on. The live-reload script shows the problems over it and loads the site once it builds.
 */
final class WaitingPage {

    private WaitingPage() {
    }

    static String html(LiveSite.Snapshot snapshot) {
        String text = snapshot.problems().isEmpty()
                ? "De site wordt gemaakt. Deze pagina laadt vanzelf opnieuw als de site klaar is."
                : "De site kan nog niet worden gemaakt: er is een fout in de bestanden. Herstel de fout en sla het "
                        + "bestand op; deze pagina laadt dan vanzelf opnieuw.";
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Voorbeeld wordt gemaakt</title>
                </head>
                <body>
                <main>
                <h1>Voorbeeld van de site</h1>
                <p>%s</p>
                </main>
                </body>
                </html>
                """.formatted(text);
    }
}
