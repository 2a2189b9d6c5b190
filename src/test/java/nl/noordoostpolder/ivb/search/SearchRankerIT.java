package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The page's own scoring ({@code search-rank.js}) gives exactly what MiniSearch's search gives on the same terms, on
 * a generated site large enough that short prefixes match thousands of parts (where MiniSearch was too slow, and
 * where the real site of {@link SearchRankingIT} never gets): every query gives the same parts in the same order,
 * the same scores bit for bit, and the same matched terms and fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRankerIT {

    private static final int PAGES = 500;

    private static final String COMPARE = """
            const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
            (async () => {
              const base = document.baseURI;
              const { SplitIndex } = await import(new URL('js/search-index.js', base).href);
              const t = await import(new URL('js/search-text.js', base).href);
              const MiniSearch = (await import(new URL('vendor/minisearch/minisearch.min.js', base).href)).default;
              const form = document.querySelector('form[data-index]');
              const index = await SplitIndex.load(form.dataset.index, form.dataset.indexPlain);
              await index.loadShards([...index.shardKeys]);
              const count = index.pageOf.length;
              const documentIds = {};
              const fieldLength = {};
              for (let id = 0; id < count; id++) {
                documentIds[id] = id;
                fieldLength[id] = [...index.lengths.subarray(3 * id, 3 * id + 3)];
              }
              const object = (map, value) => Object.fromEntries([...map].map(([k, v]) => [k, value(v)]));
              // MiniSearch itself, loaded with the same terms in the same order as the page's tree of terms
              const keys = [...index.loaded.keys()].sort();
              const reference = MiniSearch.loadJS({
                documentCount: count, nextId: count, documentIds, fieldIds: { title: 0, heading: 1, text: 2 },
                fieldLength, averageFieldLength: index.averageFieldLength.slice(), storedFields: {}, dirtCount: 0,
                serializationVersion: 2,
                index: (function* () {
                  for (const key of keys) {
                    for (const [term, data] of index.loaded.get(key)) yield [term, object(data, (f) => object(f, (tf) => tf))];
                  }
                })(),
              }, SplitIndex.options());
              const out = { compared: 0, results: 0, most: 0, mismatches: [] };
              for (const q of queries) {
                const tree = t.buildQuery(q);
                if (!tree) continue;
                const own = index.shardsFor(t.queryTerms(tree));
                const allowed = new Set(own);
                const filter = (r) => index.pageOf[r.id].kind.key !== 'milestone';
                for (const f of [undefined, filter]) {
                  const expected = reference.search(tree, { filter: f,
                    boostDocument: (id, term) => (allowed.has(t.shardKey(term)) ? 1 : 0) });
                  const actual = index.search(tree, own, f);
                  const same = actual.length === expected.length && actual.every((a, i) => a.id === expected[i].id
                    && a.score === expected[i].score && JSON.stringify(a.terms) === JSON.stringify(expected[i].terms)
                    && JSON.stringify(a.match) === JSON.stringify(expected[i].match));
                  if (!same) out.mismatches.push(`${q}: ${actual.length} results, expected ${expected.length}: `
                    + JSON.stringify(actual.slice(0, 3).map((r) => [r.id, r.score, r.match])) + ' instead of '
                    + JSON.stringify(expected.slice(0, 3).map((r) => [r.id, r.score, r.match])));
                  out.results += expected.length;
                  out.most = Math.max(out.most, expected.length);
                }
                out.compared += 1;
              }
              return out;
            })().then(done, (e) => done({ error: String(e && e.stack || e) }));
            """;

    private StaticSiteServer server;
    private ChromeDriver driver;
    private Path site;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path project = SiteUnderTest.projectDir();
        Path source = work.resolve("src");
        new BenchSiteGenerator(project.resolve("content"), 42).write(project, source, PAGES);
        site = work.resolve("site");
        try (Bakery bakery = new Bakery(source, BakeOptions.defaults())) {
            bakery.build(site);
        }
        driver = HeadlessChromium.start();
        server = new StaticSiteServer(site, "/ivb/");
        driver.get(server.baseUrl() + "zoeken.html");
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePageRanksEveryQueryExactlyAsMiniSearchOnAGeneratedSite() {
        Set<String> queries = new LinkedHashSet<>();
        for (String q : List.of("jongeren", "nepnieuws", "evenementen", "jongere criminaliteit", "jongeern", "signalen",
                "veiligheid beleid", "presentatie", "jongere jongeren", "raad 2024", "de ")) {
            for (int i = 2; i <= q.length(); i++) {
                queries.add(q.substring(0, i)); // typed key by key: short prefixes match thousands of parts
            }
        }
        List<String> words = IndexFile.read(site).words();
        for (int i = 0; i < words.size(); i += Math.max(1, words.size() / 150)) {
            String w = words.get(i);
            queries.add(w);
            if (w.length() >= 4) {
                queries.add(w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4)); // two letters swapped
                queries.add(w.substring(0, w.length() - 1)); // still typing
                queries.add(w.substring(0, 3) + "x" + w.substring(3)); // one letter too many
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) driver.executeAsyncScript(COMPARE, new ArrayList<>(queries));
        assertEquals(null, out.get("error"));
        assertEquals(List.of(), out.get("mismatches"));
        long compared = ((Number) out.get("compared")).longValue();
        long results = ((Number) out.get("results")).longValue();
        long most = ((Number) out.get("most")).longValue();
        assertTrue(compared > 300 && most > 1000, compared + " queries, at most " + most + " results");
        System.out.printf("SearchRankerIT: %d queries on %d generated pages, %d results equal (at most %d for one query)%n",
                compared, PAGES, results, most);
    }
}
