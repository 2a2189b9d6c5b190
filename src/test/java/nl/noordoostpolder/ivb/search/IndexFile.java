package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;

/** The search index of a baked site read back with a real JSON parser, as the browser will read it. */
record IndexFile(List<List<Object>> kinds, List<List<Object>> themes, List<List<Object>> pages, List<List<Object>> sections) {

    record Row(String page, String title, String kind, List<String> themes, String fragment, String heading, String text) {
    }

    @SuppressWarnings("unchecked")
    static IndexFile read(Path site) {
        try (Reader in = Files.newBufferedReader(site.resolve(SearchIndexWriter.FILE_NAME), StandardCharsets.UTF_8)) {
            JSONObject json = (JSONObject) new JSONParser().parse(in);
            return new IndexFile((JSONArray) json.get("kinds"), (JSONArray) json.get("themes"),
                    (JSONArray) json.get("pages"), (JSONArray) json.get("sections"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("the search index is not valid JSON: " + e, e);
        }
    }

    /** Every section with its page's data resolved. */
    @SuppressWarnings("unchecked")
    List<Row> rows() {
        return sections.stream().map(s -> {
            List<Object> page = pages.get(((Number) s.get(0)).intValue());
            List<Object> kind = kinds.get(((Number) page.get(2)).intValue());
            List<String> themeSlugs = ((List<Number>) page.get(3)).stream()
                    .map(t -> (String) themes.get(t.intValue()).get(0)).toList();
            return new Row((String) page.get(0), (String) page.get(1), (String) kind.get(0), themeSlugs,
                    (String) s.get(1), (String) s.get(2), (String) s.get(3));
        }).toList();
    }

    List<Row> rowsOf(String page) {
        return rows().stream().filter(r -> r.page().equals(page)).toList();
    }
}
