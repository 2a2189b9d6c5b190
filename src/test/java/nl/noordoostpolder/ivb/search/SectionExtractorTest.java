package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SectionExtractorTest {

    private static List<IndexedSection> sections(String main) {
        return SectionExtractor.sections(Jsoup.parse("""
                <html><body>
                <header><a href="index.html">Sitenaam</a><form role="search"><label>Zoeken</label></form></header>
                <nav class="main-nav"><a href="a.html">Menu-item</a></nav>
                <main>%s</main>
                <footer><p>Laatst bijgewerkt</p></footer>
                </body></html>""".formatted(main)));
    }

    @Test
    void theLeadAndTheTextBeforeTheFirstHeadingOpenThePage() {
        List<IndexedSection> found = sections("""
                <div class="page-header"><h1>Titel</h1><p class="lead">De samenvatting.</p></div>
                <nav class="toc"><a href="#a">Op deze pagina</a></nav>
                <div class="page-body"><p>Eerste alinea.</p><h2 id="a">Kop A</h2><p>Tekst A.</p></div>""");
        assertEquals(List.of(new IndexedSection("", "", "De samenvatting. Eerste alinea."),
                new IndexedSection("a", "Kop A", "Tekst A.")), found);
    }

    @Test
    void anOverviewOpensWithItsLeadAndIntroductionButNotItsListOfLinks() {
        List<IndexedSection> found = sections("""
                <div class="wrap"><div class="page-header"><h1>Tijdlijn</h1><p class="lead">De stappen.</p></div>
                <div class="page-intro"><p>Een overzicht van de stappen.</p><p>De status van <time>2023</time>.</p></div>
                <ol class="timeline"><li><h2 class="timeline__title"><a href="m.html">Besluit</a></h2></li></ol>
                <ul class="az-list"><li><a href="a.html">Andere pagina</a></li></ul></div>""");
        assertEquals(List.of(new IndexedSection("", "", "De stappen. Een overzicht van de stappen. De status van 2023.")),
                found);
    }

    @Test
    void everyHeadingWithAnIdStartsAPartAndOneWithoutStaysInTheText() {
        List<IndexedSection> found = sections("""
                <div class="page-body">
                <div class="sect1"><h2 id="a">Kop <em>A</em></h2><div class="sectionbody"><p>Tekst A.</p>
                <div class="sect2"><h3 id="a1">Kop A1</h3><p>Tekst A1.</p><h4>Zonder id</h4><p>Meer A1.</p></div>
                </div></div>
                <div class="sect1"><h2 id="b">Kop B</h2><ul><li>een</li><li>twee</li></ul></div>
                </div>""");
        assertEquals(List.of(new IndexedSection("a", "Kop A", "Tekst A."),
                new IndexedSection("a1", "Kop A1", "Tekst A1. Zonder id Meer A1."),
                new IndexedSection("b", "Kop B", "een twee")), found);
    }

    @Test
    void chromeOutsideTheBodyAndNavigationOrHiddenPartsInsideItAreLeftOut() {
        List<IndexedSection> found = sections("""
                <p class="meta">Thema: Cybercrime</p>
                <div class="page-body"><h2 id="a">Kop</h2><p>Zichtbaar.</p>
                <nav><a href="x.html">Navigatie</a></nav><p hidden>Verborgen</p><span aria-hidden="true">Icoon</span>
                <script>var geheim = 1;</script></div>
                <section><h2 id="trends-kop">Alle trends bij Cybercrime</h2><ul><li>Andere pagina</li></ul></section>""");
        assertEquals(List.of(new IndexedSection("a", "Kop", "Zichtbaar.")), found);
    }

    @Test
    void inlineMarkupDoesNotSplitWordsButBlocksDo() {
        List<IndexedSection> found = sections("""
                <div class="page-body"><p>Cyber<em>crime</em> en <a href="#">een link</a>.</p><p>Tweede</p><p>alinea\u00a0hier</p></div>""");
        assertEquals("Cybercrime en een link. Tweede alinea hier", found.get(0).text());
    }

    @Test
    void aPageWithoutBodyOrLeadHasNoParts() {
        assertEquals(List.of(), sections("<h1>Alleen een titel</h1>"));
    }

    @Test
    void anImageCountsWithItsAltText() {
        List<IndexedSection> found = sections("""
                <div class="page-body"><h2 id="k">Kaart</h2><p><img src="kaart.png" alt="Kaart van de polder"></p></div>""");
        assertEquals("Kaart van de polder", found.get(0).text());
    }
}
