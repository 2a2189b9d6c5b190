package nl.noordoostpolder.ivb.content;

/** A page the site makes from the others, such as the theme overview or the timeline. */
public record GeneratedPage(String getUrl, String getTitle, String getSummary, String getTemplate, String getKindLabel)
        implements Page {

    /** The pages every site has, in the order of the main navigation where they appear there. */
    public static final GeneratedPage THEMES = new GeneratedPage("themas.html", "Thema's",
            "De zes thema's van het integraal veiligheidsbeleid 2024-2027.", "themes", "Overzicht");
    public static final GeneratedPage TRENDS = new GeneratedPage("trends.html", "Trends en ontwikkelingen",
            "Alle trends en ontwikkelingen per thema.", "trends", "Overzicht");
    public static final GeneratedPage SESSIONS = new GeneratedPage("sessies.html", "Sessies",
            "De themasessies met partners en de beeldvormende vergadering van de gemeenteraad.", "sessions", "Overzicht");
    public static final GeneratedPage TIMELINE = new GeneratedPage("tijdlijn.html", "Tijdlijn",
            "De stappen naar het nieuwe integraal veiligheidsbeleid, in volgorde van datum.", "timeline", "Overzicht");
    public static final GeneratedPage SEARCH = new GeneratedPage("zoeken.html", "Zoeken",
            "Zoek in alle pagina's over het integraal veiligheidsbeleid.", "search", "Zoeken");
    public static final GeneratedPage INDEX_AZ = new GeneratedPage("a-z.html", "Alle pagina's van A tot Z",
            "Een lijst van alle pagina's van deze site, op alfabet.", "a-z", "Overzicht");
    /** The whole policy on one page, made only when the site makes the whole policy (see {@link WholePolicySetting}). */
    public static final GeneratedPage WHOLE_POLICY = new GeneratedPage("volledig-beleid.html",
            "Het hele beleid op één pagina",
            "Het hele integraal veiligheidsbeleid 2024-2027 op één pagina, om te lezen of te printen.", "whole-policy",
            "Overzicht");
    /**
     * The same text prepared for the PDF; never written as a page. Its address is that of the one-page view, so that
     * relative links in both start from the site root.
     */
    public static final GeneratedPage WHOLE_POLICY_PRINT = new GeneratedPage("volledig-beleid.html",
            "Integraal veiligheidsbeleid 2024-2027", WHOLE_POLICY.getSummary(), "whole-policy-pdf", "PDF");
    public static final GeneratedPage NOT_FOUND = new GeneratedPage("404.html", "Pagina niet gevonden",
            "Deze pagina bestaat niet (meer).", "404", "Foutmelding");
}
