package nl.noordoostpolder.ivb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a source folder with {@code n} valid pages of the content model, for the search benchmark: six themes,
 * trends, sessions, milestones and the four fixed pages the templates link to, with the project's templates and
 * assets.
 * <p>
 * The text is new Dutch-looking prose from a word-pair (Markov) model of the real pages, so pages have the real
 * site's length and word frequencies without repeating its sentences. About one word in twelve is replaced by a
 * compound of two real words ("veiligheidsjongeren"), as Dutch makes them, so the vocabulary grows with the site
 * as a real one would. The same seed gives the same site.
 */
public final class BenchSiteGenerator {

    private final Random random;
    private final Map<String, List<String>> next = new HashMap<>();
    private final List<String> starts = new ArrayList<>();
    private final List<String> vocabulary = new ArrayList<>();

    public BenchSiteGenerator(Path realContent, long seed) {
        this.random = new Random(seed);
        try (Stream<Path> files = Files.walk(realContent)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                learn(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path out = Path.of(args.length > 2 ? args[2] : "target/bench-search/generated-src");
        new BenchSiteGenerator(project.resolve("content"), 42).write(project, out, pages);
        System.out.println("wrote " + pages + " pages to " + out);
    }

    /** Writes the whole source folder: generated content plus the project's templates, assets and settings. */
    public void write(Path project, Path out, int pageCount) throws IOException {
        for (String part : List.of("templates", "assets")) {
            copyTree(project.resolve(part), out.resolve(part));
        }
        Files.copy(project.resolve("jbake.properties"), out.resolve("jbake.properties"), StandardCopyOption.REPLACE_EXISTING);
        Path content = out.resolve("content");
        copyTree(null, content); // start empty
        int themes = 6;
        int fixed = 4;
        int sessions = Math.max(1, pageCount / 10);
        int milestones = Math.max(1, pageCount / 20);
        int trends = Math.max(themes, pageCount - themes - fixed - sessions - milestones);
        for (int i = 1; i <= themes; i++) {
            page(content.resolve("themes/thema-" + i + ".adoc"), "theme", ":jbake-order: " + i + "\n");
        }
        int[] order = new int[themes + 1];
        for (int i = 1; i <= trends; i++) {
            int theme = 1 + (i % themes);
            page(content.resolve("trends/trend-" + i + ".adoc"), "trend",
                    ":jbake-theme: thema-" + theme + "\n:jbake-order: " + (++order[theme]) + "\n");
        }
        for (int i = 1; i <= sessions; i++) {
            String about = "thema-" + (1 + random.nextInt(themes))
                    + (random.nextBoolean() ? ", thema-" + (1 + random.nextInt(themes)) : "");
            page(content.resolve("sessions/sessie-" + i + ".adoc"), "session",
                    ":jbake-themes: " + about + "\n:jbake-period: " + date() + "\n");
        }
        for (int i = 1; i <= milestones; i++) {
            page(content.resolve("milestones/mijlpaal-" + i + ".adoc"), "milestone", ":jbake-period: " + date()
                    + "\n:jbake-progress: " + (random.nextBoolean() ? "done" : "planned")
                    + "\n:jbake-session: sessie-" + (1 + random.nextInt(sessions)) + "\n");
        }
        for (String name : List.of("index", "proces", "colofon", "toegankelijkheid")) {
            page(content.resolve(name + ".adoc"), "page", "");
        }
    }

    private void page(Path file, String type, String attributes) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("= ").append(title(3 + random.nextInt(5))).append('\n')
                .append(":jbake-type: ").append(type).append('\n')
                .append(":jbake-status: published\n")
                .append(":jbake-date: 2024-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10)).append('\n')
                .append(":jbake-summary: ").append(sentence()).append('\n')
                .append(attributes).append('\n');
        int sections = 3 + random.nextInt(2);
        for (int i = 0; i < sections; i++) {
            s.append("== ").append(title(2 + random.nextInt(4))).append("\n\n");
            int paragraphs = 1 + random.nextInt(2);
            for (int p = 0; p < paragraphs; p++) {
                int sentences = 2 + random.nextInt(3);
                for (int k = 0; k < sentences; k++) {
                    s.append(sentence()).append('\n');
                }
                s.append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private String date() {
        return String.format(Locale.ROOT, "2023-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String title(int words) {
        String t = sentence().replaceAll("[.,:;!?\"]", "");
        String[] parts = t.split(" ");
        String joined = String.join(" ", java.util.Arrays.copyOf(parts, Math.min(words, parts.length)));
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** A new sentence: a walk along the word pairs of the real text, with now and then a made-up compound. */
    String sentence() {
        StringBuilder s = new StringBuilder();
        String word = starts.get(random.nextInt(starts.size()));
        for (int n = 0; n < 30; n++) {
            String shown = word;
            if (n > 0 && word.length() >= 4 && Character.isLowerCase(word.charAt(0)) && random.nextInt(12) == 0) {
                String other = vocabulary.get(random.nextInt(vocabulary.size()));
                shown = other + word;
            }
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(shown);
            if (word.endsWith(".")) {
                return s.toString();
            }
            List<String> options = next.get(word);
            if (options == null) {
                break;
            }
            word = options.get(random.nextInt(options.size()));
        }
        String text = s.toString().replaceAll("[,:;]$", "");
        return text.endsWith(".") ? text : text + ".";
    }

    private void learn(String adoc) {
        boolean body = false;
        for (String raw : adoc.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                body = true;
                continue;
            }
            if (!body || line.startsWith("=") || line.startsWith(":") || line.startsWith("//") || line.startsWith("|")
                    || line.startsWith("[") || line.startsWith("----") || line.startsWith("....")) {
                continue;
            }
            line = line.replaceAll("^[*.]+\\s+", "")
                    .replaceAll("xref:[^\\[]*\\[([^\\]]*)\\]", "$1")
                    .replaceAll("<<[^,>]*,([^>]*)>>", "$1")
                    .replaceAll("(https?|link|mailto):\\S*\\[([^\\]]*)\\]", "$2")
                    .replaceAll("[*_`#+^~\\[\\]{}<>|\\\\\"]", "");
            String[] words = line.split("\\s+");
            if (words.length < 3) {
                continue;
            }
            starts.add(words[0]);
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (w.length() >= 4 && w.chars().allMatch(Character::isLowerCase)) {
                    vocabulary.add(w);
                }
                if (i + 1 < words.length) {
                    next.computeIfAbsent(w, k -> new ArrayList<>()).add(words[i + 1]);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (from == null) {
            if (Files.exists(to)) {
                try (Stream<Path> files = Files.walk(to)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(to);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
