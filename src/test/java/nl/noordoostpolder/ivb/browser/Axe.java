package nl.noordoostpolder.ivb.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core 4.14.1 (the npm release, vendored under {@code src/test/resources/axe/}) in the browser.
 * <p>
 * The script is registered once per browser with CDP {@code Page.addScriptToEvaluateOnNewDocument}, so every page
 * the browser opens already has it and a run costs tens of milliseconds, not the few hundred that injecting 650 KB
 * per page would. Only the WCAG rules run: the tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
 */
final class Axe {

    static final String VERSION = "4.14.1";
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SCRIPT = load();

    /** One rule broken on one page, with the elements that break it. */
    record Violation(String page, String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + "): " + help + " at " + String.join(", ", targets);
        }
    }

    private Axe() {
    }

    static void register(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT));
    }

    /** The version of axe in the current page; fails when the page has none. */
    static String version(ChromeDriver driver) {
        return (String) driver.executeScript("return window.axe ? axe.version : null;");
    }

    /** Runs the WCAG rules on the current page and returns its violations. */
    @SuppressWarnings("unchecked")
    static List<Violation> run(ChromeDriver driver, String label) {
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done({error: String(e)}));
                """, TAGS);
        if (result instanceof Map<?, ?> error) {
            throw new IllegalStateException("axe failed on " + label + ": " + error.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            violations.add(new Violation(label, (String) v.get("id"), String.valueOf(v.get("impact")),
                    (String) v.get("help"), (List<String>) v.get("targets")));
        }
        return violations;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from src/test/resources/axe/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
