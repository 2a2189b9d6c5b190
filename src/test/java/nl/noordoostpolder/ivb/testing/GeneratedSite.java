package nl.noordoostpolder.ivb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A valid source folder of any size for this project's content model, so that tests can check at a few hundred pages
 * what the real site (about 40 pages) cannot show: a Java port of {@code bench/generate.py}, with the same kinds of
 * pages (themes, trends, sessions, milestones and the plain pages the templates link to), the same Dutch word salad
 * with sections, lists, an occasional table and cross-references, and the project's templates, assets and
 * {@code jbake.properties}. The same size and seed always give the same files (not the same bytes as the Python
 * script: the random numbers differ).
 * <p>
 * Trend {@code i} is {@code content/trends/trend-i.adoc}, in theme {@code thema-((i - 1) % themes + 1)}.
 */
public final class GeneratedSite {

    /** The seed {@link #write(int, Path)} uses, the script's default. */
    public static final long SEED = 2024;

    private static final String[] WORDS = ("veiligheid gemeente inwoners jongeren ondermijning criminaliteit politie "
            + "partners zorg buurt wijk samenwerking beleid raad burgemeester evenement crisis weer digitaal internet "
            + "nepnieuws vertrouwen overheid organisatie signalen preventie toezicht aanpak risico kwetsbaar ondernemers "
            + "agrarisch sector hulpverlening netwerk ontwikkeling trend thema sessie scenario kennis ervaring "
            + "duurzaamheid inclusie regio samenleving onderwijs school ouders informatie melding hulp bewoners dorp "
            + "stad").split(" ");
    private static final String[] VERBS = "vraagt|vraagt om|helpt|zorgt voor|versterkt|bespreekt|ziet|merkt|pakt aan"
            .split("\\|");

    private final Random rng;
    private final Path content;

    private GeneratedSite(long seed, Path content) {
        this.rng = new Random(seed);
        this.content = content;
    }

    /** Writes a site of {@code pages} pages (26 at the least) into {@code out}, which must not exist yet; returns it. */
    public static Path write(int pages, Path out) {
        return write(pages, SEED, out);
    }

    /** Like {@link #write(int, Path)} with another seed. */
    public static Path write(int pages, long seed, Path out) {
        Path project = SiteUnderTest.projectDir();
        try {
            for (String folder : List.of("templates", "assets")) {
                copyTree(project.resolve(folder), out.resolve(folder));
            }
            Files.copy(project.resolve("jbake.properties"), out.resolve("jbake.properties"));
            new GeneratedSite(seed, out.resolve("content")).content(pages);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many themes a site of {@code pages} pages has; trend {@code i} is in theme {@code (i - 1) % themes + 1}. */
    public static int themes(int pages) {
        return Math.max(6, pages / 100);
    }

    private void content(int n) throws IOException {
        int themes = themes(n);
        int sessions = themes;
        int milestones = Math.max(3, n / 50);
        int plainPages = 5;
        int trends = Math.max(themes, n - themes - sessions - milestones - plainPages);
        for (int i = 1; i <= themes; i++) {
            page("themes/thema-" + i, "Thema " + i + ": " + word(), "theme", List.of("order: " + i),
                    List.of("xref:../index.adoc[Home]"));
        }
        for (int i = 1; i <= trends; i++) {
            String theme = "thema-" + ((i - 1) % themes + 1);
            int order = (i - 1) / themes + 1;
            String other = "trend-" + (1 + rng.nextInt(trends));
            page("trends/trend-" + i, "Trend " + i + " over " + word(), "trend",
                    List.of("theme: " + theme, "order: " + order),
                    List.of("xref:../themes/" + theme + ".adoc[Het thema]", "xref:" + other + ".adoc[Een andere trend]"));
        }
        for (int i = 1; i <= sessions; i++) {
            page("sessions/sessie-" + i, "Sessie " + i, "session",
                    List.of("themes: thema-" + i, "period: 2023-%02d".formatted(i % 12 + 1)),
                    List.of("xref:../themes/thema-" + i + ".adoc[Het thema]"));
        }
        for (int i = 1; i <= milestones; i++) {
            page("milestones/mijlpaal-" + i, "Mijlpaal " + i, "milestone",
                    List.of("period: %d-%02d".formatted(2023 + i / 12, i % 12 + 1), "progress: " + (i > 1 ? "planned" : "done")),
                    List.of("xref:../index.adoc[Home]"));
        }
        page("index", "Home", "page", List.of(), List.of("xref:proces.adoc[Proces]"));
        for (String name : List.of("proces", "colofon", "toegankelijkheid")) {
            page(name, Character.toUpperCase(name.charAt(0)) + name.substring(1), "page", List.of(),
                    List.of("xref:index.adoc[Home]"));
        }
        // the templates link to this page, so it must exist
        page("vragen-aan-de-raad", "Vragen", "page", List.of(), List.of("xref:index.adoc[Home]"));
    }

    private void page(String name, String title, String type, List<String> extra, List<String> links) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("= ").append(title).append('\n')
                .append(":jbake-type: ").append(type).append('\n')
                .append(":jbake-status: published\n")
                .append(":jbake-date: 2026-11-30\n")
                .append(":jbake-summary: ").append(sentence()).append('\n');
        extra.forEach(line -> text.append(":jbake-").append(line).append('\n'));
        text.append('\n').append(body(links));
        Path file = content.resolve(name + ".adoc");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String body(List<String> links) {
        List<String> parts = new ArrayList<>();
        parts.add("== In het kort\n\n" + paragraph(3) + "\n");
        parts.add("== Wat er speelt\n\n" + paragraph(5) + "\n\n" + paragraph(4) + "\n");
        parts.add("== Belangrijke punten\n\n" + lines(between(3, 6), () -> "* " + sentence()) + "\n");
        if (rng.nextDouble() < 0.3) {
            String rows = lines(between(2, 5), () -> "| " + capitalized(word()) + " | " + sentence());
            parts.add("== Overzicht\n\n[cols=\"1,3\"]\n|===\n| Onderwerp | Toelichting\n\n" + rows + "\n|===\n");
        }
        parts.add("== Meer lezen\n\n" + links.stream().map(l -> "* " + l).collect(Collectors.joining("\n")) + "\n");
        return String.join("\n", parts);
    }

    private String paragraph(int sentences) {
        return IntStream.range(0, sentences).mapToObj(i -> sentence()).collect(Collectors.joining(" "));
    }

    private String sentence() {
        int n = between(6, 14);
        List<String> words = new ArrayList<>(Stream.generate(this::word).limit(n).toList());
        words.add(between(1, n - 1), VERBS[rng.nextInt(VERBS.length)]);
        return capitalized(String.join(" ", words)) + ".";
    }

    private String lines(int count, java.util.function.Supplier<String> line) {
        return Stream.generate(line).limit(count).collect(Collectors.joining("\n"));
    }

    private String word() {
        return WORDS[rng.nextInt(WORDS.length)];
    }

    /** A number from {@code low} to {@code high}, both included, like Python's {@code randint}. */
    private int between(int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
