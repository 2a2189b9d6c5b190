package nl.noordoostpolder.ivb.content;

import java.time.LocalDate;
import java.util.List;

import nl.noordoostpolder.ivb.source.Header;
import nl.noordoostpolder.ivb.source.SourceFile;

/**
 * A page an editor wrote: its source, its checked header values and, once converted, its HTML body.
 * <p>
 * The references to other pages ({@link #getTheme()}, {@link #getTrends()}, ...) are filled in by
 * {@link SiteModel} for each bake, so that templates never search the whole site for them.
 */
public final class Document implements Page {

    private final SourceFile source;
    private final Header header;
    private final DocType type;
    private final String slug;
    private final String url;
    private final String summary;
    private final LocalDate date;
    private final boolean published;
    private final int order;
    private final Period period;
    private final String progress;

    private volatile String body = "";
    private volatile List<Section> sections = List.of();

    private Document theme;
    private List<Document> themes = List.of();
    private Document session;
    private List<Document> trends = List.of();
    private List<Document> sessions = List.of();
    private List<Document> milestones = List.of();
    /** How many trends a trend page lists at most, see {@link #getNearbyTrends()}. */
    public static final int NEARBY_TRENDS = 11;

    private Document previous;
    private Document next;

    public Document(SourceFile source, Header header, DocType type, String slug, String url, String summary,
                    LocalDate date, boolean published, int order, Period period, String progress) {
        this.source = source;
        this.header = header;
        this.type = type;
        this.slug = slug;
        this.url = url;
        this.summary = summary;
        this.date = date;
        this.published = published;
        this.order = order;
        this.period = period;
        this.progress = progress;
    }

    public SourceFile getSource() {
        return source;
    }

    public Header getHeader() {
        return header;
    }

    /** The source path relative to the project, for example {@code content/trends/x.adoc}. */
    @Override
    public String getSourcePath() {
        return source.path();
    }

    public DocType getType() {
        return type;
    }

    public String getSlug() {
        return slug;
    }

    @Override
    public String getTitle() {
        return header.title();
    }

    @Override
    public String getSummary() {
        return summary;
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public String getTemplate() {
        return "index.html".equals(url) ? "home" : type.id();
    }

    @Override
    public String getKindLabel() {
        return type.label();
    }

    /** The day the page was last changed. */
    @Override
    public LocalDate getDate() {
        return date;
    }

    @Override
    public String getDateText() {
        return Dates.dutch(date);
    }

    public boolean isPublished() {
        return published;
    }

    public int getOrder() {
        return order;
    }

    public Period getPeriod() {
        return period;
    }

    /** {@code done} or {@code planned} for a milestone, else null. */
    public String getProgress() {
        return progress;
    }

    public String getProgressLabel() {
        return progress == null ? null : "done".equals(progress) ? "Afgerond" : "Gepland";
    }

    /** The converted AsciiDoc body: the only HTML a template inserts unescaped. */
    public String getBody() {
        return body;
    }

    @Override
    public List<Section> getSections() {
        return sections;
    }

    public void setConverted(String body, List<Section> sections) {
        this.body = body;
        this.sections = List.copyOf(sections);
    }

    /** For a trend: its theme. */
    public Document getTheme() {
        return theme;
    }

    /** For a session: the themes it was about. */
    public List<Document> getThemes() {
        return themes;
    }

    /** For a milestone: the session it is about, if any. */
    public Document getSession() {
        return session;
    }

    /** For a theme: its trends in order; for a trend: all trends of its theme. */
    public List<Document> getTrends() {
        return trends;
    }

    /**
     * For a trend: the trends of its theme around it, itself included, in order. All of them when the theme has at
     * most {@value #NEARBY_TRENDS}; otherwise {@value #NEARBY_TRENDS}, with this trend in the middle where it can be.
     * A trend page lists these rather than every trend of its theme: a list of hundreds of links helps no reader
     * (the theme page has them all), and it would make every trend page grow with the site.
     */
    public List<Document> getNearbyTrends() {
        if (trends.size() <= NEARBY_TRENDS) {
            return trends;
        }
        int at = trends.indexOf(this);
        int from = Math.max(0, Math.min(at - NEARBY_TRENDS / 2, trends.size() - NEARBY_TRENDS));
        return trends.subList(from, from + NEARBY_TRENDS);
    }

    /**
     * For a trend: whether {@link #getNearbyTrends()} lists every trend of its theme. A trend page asks this, not
     * the number of trends, so that a trend moving to another theme does not change hundreds of trend pages.
     */
    public boolean isAllTrendsListed() {
        return trends.size() <= NEARBY_TRENDS;
    }

    /** For a theme: the sessions about it. */
    public List<Document> getSessions() {
        return sessions;
    }

    /** For a theme or a session: the milestones of the process that concern it. */
    public List<Document> getMilestones() {
        return milestones;
    }

    /** The page before this one among pages of its kind (for a trend: within its theme). */
    public Document getPrevious() {
        return previous;
    }

    public Document getNext() {
        return next;
    }

    void link(Document theme, List<Document> themes, Document session, List<Document> trends,
              List<Document> sessions, List<Document> milestones, Document previous, Document next) {
        this.theme = theme;
        this.themes = themes;
        this.session = session;
        this.trends = trends;
        this.sessions = sessions;
        this.milestones = milestones;
        this.previous = previous;
        this.next = next;
    }

    @Override
    public String toString() {
        return source.path();
    }
}
