package nl.noordoostpolder.ivb.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import nl.noordoostpolder.ivb.render.JsonStrings;

/**
 * Turns a {@link SearchIndex} into the files the search page loads, split like Pagefind's index so that a search
 * downloads only what it needs:
 * <ul>
 *   <li><b>{@value #META}</b>: what every search needs before it can rank: the filter tables, per page its kind,
 *       themes, number of parts and title length, per part the lengths of its heading and text (for BM25), the list
 *       of shards, and the folder of the other files. Not the titles and addresses: they grow with the site (44 KB
 *       gzipped at 5000 pages) and a search needs them only for the results it shows.</li>
 *   <li><b>Shards</b> ({@code search-index/<hash>/w/<key>.json}): every indexed word that starts with the shard's
 *       two letters, with its postings per field. A query loads the shards of its words only.</li>
 *   <li><b>Page texts</b> ({@code search-index/<hash>/p/<page>.json}): the address and title of one page and the
 *       fragment, heading and text of each of its parts, loaded for the results shown.</li>
 * </ul>
 * The folder name is a hash of the shards and page texts, so a browser never mixes files of two builds: the page
 * revalidates {@value #META} and everything it points to can be cached for good. All files are plain JSON, and the
 * writer adds a gzipped copy of each (see {@link SplitIndexWriter}); the shapes, with {@link #VERSION} in each file:
 * <pre>
 * search-index.json   {"v":2,"data":"search-index/&lt;hash&gt;/",
 *                      "kinds":[[key,label,pluralLabel],...], "themes":[[slug,title],...],
 *                      "shards":[key,...],                          sorted; file name: SearchText.shardFile(key)
 *                      "pages":[[kind,[theme,...],parts,titleLength],...],
 *                      "headings":"...", "texts":"..."}             per part, in page order, the number of distinct
 *                                                                  words of its heading and of its text, each a
 *                                                                  character (see LengthCode)
 * w/&lt;key&gt;.json          {"v":2,"w":[[word,text,heading,title],...]} words sorted; heading and title left out
 *                                                                  when empty (title only when heading is there)
 * p/&lt;page&gt;.json         {"v":3,"u":url,"t":title,"s":[[fragment,heading,text],...]}
 * </pre>
 * A part's number is its position in the whole index (the parts of page 0 first). Postings are a list of numbers:
 * each positive number is the distance to the previous part (the first from -1), followed by {@code -tf} when the
 * word occurs more than once there. Title postings count pages instead of parts: every part of a page has the
 * page's title, and the page expands them. Words are folded but not stemmed (see {@link SearchText}).
 */
public final class SplitIndex {

    /** Bump when a shape changes; the page refuses files of another version. */
    public static final int VERSION = 3;

    /** The file the search page starts from, relative to the site root. */
    public static final String META = "search-index.json";

    /** The folder of the shards and page texts, under which a folder per build (by hash) holds them. */
    public static final String DATA_FOLDER = "search-index/";

    static final int TITLE = 0;
    static final int HEADING = 1;
    static final int TEXT = 2;

    /**
     * One file to write: its path relative to the site root, its plain JSON bytes, and whether a gzipped copy
     * ({@code .json.gz}) is written too.
     */
    public record File(String path, byte[] json, boolean gzipped) {
    }

    /** The postings of one word in one field: ascending numbers (parts or pages) with their term frequencies. */
    static final class Postings {
        private int[] ids = new int[4];
        private int[] tfs = new int[4];
        private int size;

        void add(int id) {
            if (size > 0 && ids[size - 1] == id) {
                tfs[size - 1]++;
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                tfs = Arrays.copyOf(tfs, size * 2);
            }
            ids[size] = id;
            tfs[size] = 1;
            size++;
        }

        int size() {
            return size;
        }

        /** Appends postings whose numbers all come after these. */
        void append(Postings more) {
            if (size + more.size > ids.length) {
                ids = Arrays.copyOf(ids, size + more.size);
                tfs = Arrays.copyOf(tfs, size + more.size);
            }
            System.arraycopy(more.ids, 0, ids, size, more.size);
            System.arraycopy(more.tfs, 0, tfs, size, more.size);
            size += more.size;
        }

        int id(int i) {
            return ids[i];
        }

        int tf(int i) {
            return tfs[i];
        }

        void writeTo(StringBuilder out) {
            out.append('[');
            int previous = -1;
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(ids[i] - previous);
                previous = ids[i];
                if (tfs[i] > 1) {
                    out.append(',').append(-tfs[i]);
                }
            }
            out.append(']');
        }
    }

    /** A word's postings in the three fields (title, heading, text); null where it does not occur. */
    static final class Word {
        final Postings[] fields = new Postings[3];

        Postings field(int field) {
            Postings p = fields[field];
            if (p == null) {
                p = fields[field] = new Postings();
            }
            return p;
        }

        /** Appends the postings of the same word in later pages. */
        void append(Word later) {
            for (int f = 0; f < 3; f++) {
                if (later.fields[f] != null) {
                    field(f).append(later.fields[f]);
                }
            }
        }
    }

    /** Pages per piece of work when the words are collected on every core; any number gives the same files. */
    private static final int PAGES_PER_CHUNK = 64;

    private final Map<String, Word> words = new HashMap<>();

    private SplitIndex() {
    }

    /** Every file of the split index: {@value #META} first, then the shards and the page texts. */
    public static List<File> files(SearchIndex index) {
        return new SplitIndex().build(index);
    }

    private List<File> build(SearchIndex index) {
        int pageCount = index.pages().size();
        int[] lengths = new int[index.sections().size() * 2];
        int[] titleLengths = new int[pageCount];
        int[] partCounts = new int[pageCount];
        collect(index, lengths, titleLengths, partCounts);

        // the files are independent of each other: written out on every core, collected in order
        List<File> data = new ArrayList<>(shards().entrySet().parallelStream()
                .map(shard -> new File("w/" + SearchText.shardFile(shard.getKey()) + ".json", utf8(shard(shard.getValue())), true))
                .toList());
        List<List<IndexedSection>> parts = new ArrayList<>();
        for (int p = 0; p < pageCount; p++) {
            parts.add(new ArrayList<>());
        }
        for (SearchIndex.SectionRow row : index.sections()) {
            parts.get(row.page()).add(row.section());
        }
        data.addAll(java.util.stream.IntStream.range(0, pageCount).parallel().filter(p -> !parts.get(p).isEmpty())
                .mapToObj(p -> new File("p/" + p + ".json", utf8(pageText(index.pages().get(p), parts.get(p))), true))
                .toList());
        String folder = DATA_FOLDER + hash(data) + "/";

        List<File> files = new ArrayList<>(data.size() + 1);
        files.add(new File(META, utf8(meta(index, folder, lengths, titleLengths, partCounts)), true));
        for (File f : data) {
            files.add(new File(folder + f.path(), f.json(), f.gzipped()));
        }
        return files;
    }

    /**
     * Reads every field once: postings per word, distinct words per field, parts per page. Runs of pages are read
     * on every core, each into words of its own, which are then joined in page order.
     */
    private void collect(SearchIndex index, int[] lengths, int[] titleLengths, int[] partCounts) {
        List<SearchIndex.SectionRow> sections = index.sections();
        int pageCount = index.pages().size();
        int[] firstSection = new int[pageCount + 1];
        for (SearchIndex.SectionRow row : sections) {
            partCounts[row.page()]++;
        }
        for (int p = 0; p < pageCount; p++) {
            firstSection[p + 1] = firstSection[p] + partCounts[p];
        }
        int chunks = (pageCount + PAGES_PER_CHUNK - 1) / PAGES_PER_CHUNK;
        List<Map<String, Word>> parts = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            Collector collector = new Collector();
            int from = c * PAGES_PER_CHUNK;
            int to = Math.min(pageCount, from + PAGES_PER_CHUNK);
            for (int p = from; p < to; p++) {
                titleLengths[p] = collector.add(index.pages().get(p).title(), TITLE, p);
            }
            for (int s = firstSection[from]; s < firstSection[to]; s++) {
                IndexedSection section = sections.get(s).section();
                lengths[2 * s] = collector.add(section.heading(), HEADING, s);
                lengths[2 * s + 1] = collector.add(section.text(), TEXT, s);
            }
            return collector.words;
        }).toList();
        for (Map<String, Word> part : parts) {
            part.forEach((word, postings) -> words.merge(word, postings, (earlier, later) -> {
                earlier.append(later);
                return earlier;
            }));
        }
    }

    /** The words of a run of pages. */
    private static final class Collector {

        private static final String NOT_INDEXED = "";

        /** Folded words by written word; {@link #NOT_INDEXED} for words that are not indexed. */
        private final Map<String, String> folded = new HashMap<>();
        private final Map<String, Word> words = new HashMap<>();
        private final Set<String> distinct = new HashSet<>();

        /** Adds the words of one field of a part (or of a page, for the title); returns the field's length. */
        int add(String text, int field, int id) {
            distinct.clear();
            SearchText.tokens(text, token -> {
                distinct.add(token);
                String word = folded.computeIfAbsent(token, t -> {
                    String w = SearchText.indexWord(t);
                    return w == null ? NOT_INDEXED : w;
                });
                if (!word.isEmpty()) {
                    words.computeIfAbsent(word, w -> new Word()).field(field).add(id);
                }
            });
            return distinct.size();
        }
    }

    /** The words of each shard, shards and words sorted. */
    private TreeMap<String, List<String>> shards() {
        TreeMap<String, List<String>> shards = new TreeMap<>();
        for (String word : words.keySet()) {
            shards.computeIfAbsent(SearchText.shardKey(word), k -> new ArrayList<>()).add(word);
        }
        shards.values().forEach(list -> list.sort(null));
        return shards;
    }

    private String shard(List<String> keys) {
        StringBuilder out = new StringBuilder(keys.size() * 32);
        out.append("{\"v\":").append(VERSION).append(",\"w\":[");
        for (int i = 0; i < keys.size(); i++) {
            Word word = words.get(keys.get(i));
            out.append(i == 0 ? "\n[" : ",\n[");
            JsonStrings.quote(out, keys.get(i)).append(',');
            postings(out, word.fields[TEXT]);
            if (word.fields[HEADING] != null || word.fields[TITLE] != null) {
                out.append(',');
                postings(out, word.fields[HEADING]);
            }
            if (word.fields[TITLE] != null) {
                out.append(',');
                postings(out, word.fields[TITLE]);
            }
            out.append(']');
        }
        return out.append("]}\n").toString();
    }

    private static void postings(StringBuilder out, Postings p) {
        if (p == null) {
            out.append("[]");
        } else {
            p.writeTo(out);
        }
    }

    private static String pageText(SearchIndex.PageRow page, List<IndexedSection> parts) {
        StringBuilder out = new StringBuilder(2048);
        out.append("{\"v\":").append(VERSION).append(",\"u\":");
        JsonStrings.quote(out, page.url()).append(",\"t\":");
        JsonStrings.quote(out, page.title()).append(",\"s\":[");
        for (int i = 0; i < parts.size(); i++) {
            IndexedSection part = parts.get(i);
            out.append(i == 0 ? "\n[" : ",\n[");
            JsonStrings.quote(out, part.fragment()).append(',');
            JsonStrings.quote(out, part.heading()).append(',');
            JsonStrings.quote(out, part.text()).append(']');
        }
        return out.append("]}\n").toString();
    }

    private String meta(SearchIndex index, String folder, int[] lengths, int[] titleLengths, int[] partCounts) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("{\"v\":").append(VERSION).append(",\n\"data\":");
        JsonStrings.quote(out, folder);
        out.append(",\n\"kinds\":[");
        join(out, index.kinds(), k -> {
            out.append('[');
            JsonStrings.quote(out, k.key()).append(',');
            JsonStrings.quote(out, k.label()).append(',');
            JsonStrings.quote(out, k.pluralLabel()).append(']');
        });
        out.append("],\n\"themes\":[");
        join(out, index.themes(), t -> {
            out.append('[');
            JsonStrings.quote(out, t.slug()).append(',');
            JsonStrings.quote(out, t.title()).append(']');
        });
        out.append("],\n\"shards\":[");
        join(out, List.copyOf(shards().keySet()), k -> JsonStrings.quote(out, k));
        out.append("],\n\"pages\":[");
        List<SearchIndex.PageRow> pages = index.pages();
        for (int p = 0; p < pages.size(); p++) {
            SearchIndex.PageRow page = pages.get(p);
            out.append(p == 0 ? "\n[" : ",\n[");
            out.append(page.kind()).append(",[");
            join(out, page.themes(), t -> out.append(t));
            out.append("],").append(partCounts[p]).append(',').append(titleLengths[p]).append(']');
        }
        out.append("],\n\"headings\":");
        lengthCodes(out, lengths, 0);
        out.append(",\n\"texts\":");
        lengthCodes(out, lengths, 1);
        return out.append("}\n").toString();
    }

    /** Every other length (from {@code first}) as a JSON string of {@link LengthCode}s. */
    private static void lengthCodes(StringBuilder out, int[] lengths, int first) {
        out.append('"');
        for (int i = first; i < lengths.length; i += 2) {
            LengthCode.append(out, lengths[i]);
        }
        out.append('"');
    }

    private static <T> void join(StringBuilder out, List<T> values, Consumer<T> writer) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writer.accept(values.get(i));
        }
    }

    /**
     * The first 12 hex digits of a SHA-256 over the path, length and CRC-32 of every data file, in order. (Hashing
     * the checksums rather than all the bytes is as good at telling builds apart and much quicker: CRC-32 runs as
     * one instruction, SHA-256 in plain Java with the launcher's C1 compiler.)
     */
    static String hash(List<File> data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer numbers = ByteBuffer.allocate(12);
            CRC32 crc = new CRC32();
            for (File f : data) {
                digest.update(f.path().getBytes(StandardCharsets.UTF_8));
                crc.reset();
                crc.update(f.json());
                digest.update(numbers.clear().putInt(f.json().length).putLong(crc.getValue()).array());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
