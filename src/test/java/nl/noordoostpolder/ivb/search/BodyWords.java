package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The words in the bodies of a baked site, read independently of the search index, so that tests can pick their
 * queries from the site as it is instead of hard-coding them.
 */
final class BodyWords {

    record Pick(String word, String page) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final Map<String, Set<String>> pagesByWord;

    private BodyWords(Map<String, Set<String>> pagesByWord) {
        this.pagesByWord = pagesByWord;
    }

    static BodyWords read(Path site) {
        Map<String, Set<String>> pagesByWord = new HashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Element body = Jsoup.parse(file.toFile(), "UTF-8").selectFirst(".page-body");
                if (body == null) {
                    continue;
                }
                String page = site.relativize(file).toString().replace('\\', '/');
                Matcher m = WORD.matcher(body.text().toLowerCase(Locale.ROOT));
                while (m.find()) {
                    pagesByWord.computeIfAbsent(m.group(), k -> new HashSet<>()).add(page);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BodyWords(pagesByWord);
    }

    /** The alphabetically first word of at least nine letters that is in the body of one page only. */
    Pick wordInOnePage() {
        return new TreeMap<>(pagesByWord).entrySet().stream()
                .filter(e -> e.getKey().length() >= 9 && e.getValue().size() == 1)
                .filter(e -> e.getKey().charAt(3) != e.getKey().charAt(4))
                .findFirst()
                .map(e -> new Pick(e.getKey(), e.getValue().iterator().next()))
                .orElseThrow(() -> new AssertionError("no long word is in only one page"));
    }

    /** The pages whose body has {@code word} but not {@code without}. */
    Set<String> pagesWith(String word, String without) {
        Set<String> pages = new HashSet<>(pagesByWord.getOrDefault(word, Set.of()));
        pages.removeAll(pagesByWord.getOrDefault(without, Set.of()));
        return pages;
    }
}
