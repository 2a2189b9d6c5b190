package nl.noordoostpolder.ivb.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.noordoostpolder.ivb.validate.Problems;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * The files of a site's source folder, checked before anything reads them: no link that leads outside the
 * folder (it would publish whatever it points at), and in {@code content/} only pages and the kinds of file a page
 * may show or link to. Hidden files and editor backups are ignored, and never published.
 */
public final class SourceTree {

    /**
     * Names of text meant only to be included in pages ({@code include::_gedeeld/tekst.adoc[]}) start with this:
     * such a file, or any file in such a folder, is not a page of its own.
     */
    public static final String FRAGMENT_PREFIX = "_";

    /** Files that may stand next to the pages in {@code content/} and are published as they are. */
    public static final Set<String> STATIC_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "pdf");

    private final Path root;
    private final List<Path> pages = new ArrayList<>();
    private final List<Path> staticFiles = new ArrayList<>();
    private final List<Path> fragments = new ArrayList<>();
    /** What the walk saw of each file, without following links: one system call per file instead of four. */
    private final java.util.Map<Path, BasicFileAttributes> seen = new java.util.HashMap<>();

    private SourceTree(Path root) {
        this.root = root;
    }

    /** Scans the source folder; problems go to {@code problems}. */
    public static SourceTree scan(Path sourceDir, Problems problems) {
        SourceTree tree = new SourceTree(sourceDir.toAbsolutePath().normalize());
        tree.scanContent(problems);
        if (!Files.isDirectory(tree.root.resolve("templates"))) {
            problems.add("templates", 0, Messages.get("tree.templates.missing", tree.root));
        }
        tree.checkLinks("templates", problems);
        tree.checkLinks("assets", problems);
        return tree;
    }

    public Path root() {
        return root;
    }

    public Path content() {
        return root.resolve("content");
    }

    /** The {@code .adoc} files, sorted by path. */
    public List<Path> pages() {
        return pages;
    }

    /** The {@code .adoc} files meant only for {@code include::} (see {@link #FRAGMENT_PREFIX}), sorted by path. */
    public List<Path> fragments() {
        return fragments;
    }

    /** Images and documents inside {@code content/}, copied to the site as they are. */
    public List<Path> staticFiles() {
        return staticFiles;
    }

    /**
     * A stamp of a page or fragment as the scan saw it (its size and time of last change), which differs when the
     * file was saved again since; empty for a file the scan did not see. The preview uses it to read again only the
     * files an editor saved.
     */
    public java.util.Optional<String> stamp(Path file) {
        BasicFileAttributes attrs = seen.get(file);
        return attrs == null ? java.util.Optional.empty()
                : java.util.Optional.of(attrs.size() + "@" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                + "#" + attrs.fileKey());
    }

    /** The path of a file relative to the source folder, with forward slashes: {@code content/trends/x.adoc}. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private void scanContent(Problems problems) {
        Path content = content();
        if (!Files.isDirectory(content)) {
            problems.add("content", 0, Messages.get("tree.content.missing", root));
            return;
        }
        for (Path file : walk(content, problems)) {
            String rel = relative(file);
            if (isIgnored(content.relativize(file)) || !insideRoot(file, rel, problems)) {
                continue;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            BasicFileAttributes attrs = seen.get(file);
            boolean link = attrs == null || attrs.isSymbolicLink() || attrs.isOther();
            if (link ? Files.isDirectory(file) : attrs.isDirectory()) {
                if (ext.equals("adoc")) {
                    problems.add(rel, 1, Messages.get("tree.folder.adoc"));
                }
            } else if (link ? !Files.isRegularFile(file) : !attrs.isRegularFile()) {
                problems.add(rel, 1, Messages.get("tree.special"));
            } else if (ext.equals("adoc") && isFragment(content.relativize(file))) {
                fragments.add(file);
            } else if (ext.equals("adoc")) {
                pages.add(file);
            } else if (STATIC_EXTENSIONS.contains(ext)) {
                staticFiles.add(file);
            } else {
                problems.add(rel, 1, Messages.get("tree.file.kind",
                        String.join(", ", STATIC_EXTENSIONS.stream().sorted().toList())));
            }
        }
    }

    /** Hidden files and folders and editor backups ({@code x.adoc~}) are no part of the site. */
    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    /** A file whose name, or one of whose folders' names, starts with {@code _}: text to include, not a page. */
    public static boolean isFragment(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(FRAGMENT_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private void checkLinks(String folder, Problems problems) {
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
            walk(dir, problems).forEach(f -> insideRoot(f, relative(f), problems));
        }
    }

    private boolean insideRoot(Path file, String rel, Problems problems) {
        BasicFileAttributes attrs = seen.get(file);
        if (attrs != null ? !attrs.isSymbolicLink() : !Files.isSymbolicLink(file)) {
            return true;
        }
        try {
            Path target = file.toRealPath();
            if (target.startsWith(root.toRealPath())) {
                return true;
            }
            problems.add(rel, 1, Messages.get("tree.link.outside", target));
        } catch (IOException e) {
            problems.add(rel, 1, Messages.get("tree.link.dangling"));
        }
        return false;
    }

    /** Every path below {@code dir}, sorted; a folder that cannot be read is a problem, not a crash. */
    private List<Path> walk(Path dir, Problems problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir)) {
                        found.add(d);
                        seen.put(d, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    found.add(file);
                    seen.put(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(relative(file), 1, e instanceof java.nio.file.AccessDeniedException
                            ? Messages.get("tree.unreadable.denied")
                            : Messages.get("tree.unreadable", e.getClass().getSimpleName()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (e != null) {
                        visitFileFailed(d, e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(relative(dir), 0, Messages.get("tree.folder.unreadable", e.getMessage()));
        }
        found.sort(null);
        return found;
    }
}
