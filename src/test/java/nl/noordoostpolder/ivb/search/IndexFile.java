package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;

/**
 * The search index of a baked site read back with a real JSON parser, as the browser will read it: the first file
 * ({@code search-index.json}) and the text (address, title, parts) of every page from the folder it names, joined
 * into one row per part.
 */
record IndexFile(Path site, JSONObject meta, List<Row> rows) {

    record Row(String page, String title, String kind, List<String> themes, String fragment, String heading, String text) {
    }

    static IndexFile read(Path site) {
        JSONObject meta = json(site.resolve(SearchIndexWriter.FILE_NAME));
        Path data = site.resolve((String) meta.get("data"));
        List<Object> kinds = array(meta, "kinds");
        List<Object> themes = array(meta, "themes");
        List<Object> pages = array(meta, "pages");
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<?> page = (List<?>) pages.get(p);
            int parts = ((Number) page.get(2)).intValue();
            if (parts == 0) {
                continue;
            }
            String kind = (String) ((List<?>) kinds.get(((Number) page.get(0)).intValue())).get(0);
            List<String> themeSlugs = ((List<?>) page.get(1)).stream()
                    .map(t -> (String) ((List<?>) themes.get(((Number) t).intValue())).get(0)).toList();
            JSONObject text = json(data.resolve("p/" + p + ".json"));
            List<Object> sections = array(text, "s");
            if (sections.size() != parts) {
                throw new AssertionError("page " + p + " has " + sections.size() + " parts, the index says " + parts);
            }
            for (Object s : sections) {
                List<?> section = (List<?>) s;
                rows.add(new Row((String) text.get("u"), (String) text.get("t"), kind, themeSlugs, (String) section.get(0),
                        (String) section.get(1), (String) section.get(2)));
            }
        }
        return new IndexFile(site, meta, List.copyOf(rows));
    }

    static JSONObject json(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (JSONObject) new JSONParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError(file + " is not valid JSON: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(JSONObject json, String key) {
        return (JSONArray) json.get(key);
    }

    List<Object> pages() {
        return array(meta, "pages");
    }

    /** The folder of the shards and page texts, relative to the site root. */
    String dataFolder() {
        return (String) meta.get("data");
    }

    /** Every word of every shard, shards in the order of the first file; each checked to be in its own shard. */
    List<String> words() {
        List<String> words = new ArrayList<>();
        for (Object key : array(meta, "shards")) {
            Path file = site.resolve(dataFolder()).resolve("w/" + SearchText.shardFile((String) key) + ".json");
            for (Object row : array(json(file), "w")) {
                String word = (String) ((List<?>) row).get(0);
                if (!SearchText.shardKey(word).equals(key)) {
                    throw new AssertionError(word + " is in shard " + key);
                }
                words.add(word);
            }
        }
        return words;
    }

    List<Row> rowsOf(String page) {
        return rows.stream().filter(r -> r.page().equals(page)).toList();
    }
}
