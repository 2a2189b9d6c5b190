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
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The split index ranks as the whole-text index did: in Chromium, on the real site, every query gives the same
 * parts in the same order with the same scores and matched terms from
 * <ul>
 *   <li>a MiniSearch built the way the search page built it before the split, from the full text of every part
 *       ({@code addAll}, with {@code indexTerms} at add time), and</li>
 *   <li>the split index with only the shards of that query loaded, with every shard loaded, and with every shard
 *       loaded but past its limit of postings (so that it builds an index of the query's shards only).</li>
 * </ul>
 * The one difference the split makes on purpose: a word with a typo in its first two letters (other than those two
 * swapped) is not found, because its shard is not loaded; the reference is asked with the same restriction, and the
 * test reports how many results that restriction costs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRankingIT {

    private static final String COMPARE = """
            const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
            (async () => {
              const base = document.baseURI;
              const { SplitIndex } = await import(new URL('js/search-index.js', base).href);
              const t = await import(new URL('js/search-text.js', base).href);
              const MiniSearch = (await import(new URL('vendor/minisearch/minisearch.min.js', base).href)).default;
              const form = document.querySelector('form[data-index]');
              const load = () => SplitIndex.load(form.dataset.index, form.dataset.indexPlain);
              const all = await load();
              await all.loadShards([...all.shardKeys]);
              const capped = await load();
              capped.maxPostings = 0; // past the limit: an index of the shards of each search only
              await capped.loadShards([...capped.shardKeys]);
              const docs = [];
              for (const page of all.pages) {
                if (!page.parts) continue;
                for (const part of await all.pageText(page)) {
                  docs.push({ id: docs.length, title: page.title, heading: part.heading, text: part.text });
                }
              }
              const options = SplitIndex.options();
              const reference = new MiniSearch({ ...options, processTerm: t.indexTerms });
              reference.addAll(docs);
              const shape = (results) => results.map((r) => [r.id, r.score, [...r.terms].sort().join(' ')]);
              const out = { compared: 0, results: 0, lost: 0, mismatches: [] };
              for (const q of queries) {
                const tree = t.buildQuery(q);
                if (!tree) continue;
                const keys = all.shardsFor(t.queryTerms(tree));
                const allowed = new Set(keys);
                const expected = shape(reference.search(tree, {
                  boostDocument: (id, term) => (allowed.has(t.shardKey(term)) ? 1 : 0) }));
                out.lost += reference.search(tree).length - expected.length;
                const fresh = await load();
                await fresh.loadShards(keys);
                for (const [name, index] of [['only its shards', fresh], ['every shard', all], ['past the limit', capped]]) {
                  const actual = shape(index.search(tree, keys));
                  const same = actual.length === expected.length && actual.every((a, i) => a[0] === expected[i][0]
                    && Math.abs(a[1] - expected[i][1]) <= 1e-9 * Math.abs(expected[i][1]) && a[2] === expected[i][2]);
                  if (!same) out.mismatches.push(`${q} (${name}): ${JSON.stringify(actual.slice(0, 5))} `
                    + `instead of ${JSON.stringify(expected.slice(0, 5))}`);
                }
                out.compared += 1;
                out.results += expected.length;
              }
              return out;
            })().then(done, (e) => done({ error: String(e && e.stack || e) }));
            """;

    private StaticSiteServer server;
    private ChromeDriver driver;
    private Path site;

    @BeforeAll
    void start() throws Exception {
        site = SiteUnderTest.bakedSite();
        driver = HeadlessChromium.start();
        server = new StaticSiteServer(site, "/ivb/");
        driver.get(server.baseUrl() + "zoeken.html");
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
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
    void theSplitIndexRanksEveryQueryAsTheWholeTextIndexDid() {
        Set<String> queries = new LinkedHashSet<>(List.of("jongeren", "jongere", "jongeern", "signalen", "sginaal",
                "veiligheid beleid", "presentatie", "nepnieuws", "evenementen", "jongere criminaliteit", "criminalitiet",
                "ondermijning", "cyber", "ver", "be", "zorg", "crisis", "Complottheorieën", "raad 2024", "de",
                "thema's", "politie", "wijkagent", "vrwijk"));
        List<String> words = IndexFile.read(site).words();
        for (int i = 0; i < words.size(); i += 23) {
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
        assertTrue(compared > 100 && results > 1000, compared + " queries, " + results + " results compared");
        System.out.printf("SearchRankingIT: %d queries, %d results equal; %d results of the whole-text index were "
                + "matched through a typo in the first two letters and are not found with the split index%n",
                compared, results, ((Number) out.get("lost")).longValue());
    }
}
