package nl.noordoostpolder.ivb.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.noordoostpolder.ivb.i18n.Messages;

/**
 * Watches the sources of a site ({@code content/}, {@code templates/}, {@code assets/}, every folder below them, and
 * {@code jbake.properties}) and reports a batch of changed files once the editor's program has finished saving:
 * when no further change arrived for {@link #QUIET_MILLIS} ms. Folders created later are watched as they appear.
 * <p>
 * Editor droppings (hidden files, {@code file~} backups, vim's swap files) do not trigger a rebuild; an overflow of
 * the operating system's event queue reports the whole source folder as changed.
 */
public final class SourceWatcher implements AutoCloseable {

    static final long QUIET_MILLIS = 50;
    private static final long MAX_WAIT_MILLIS = 1000;
    private static final List<String> WATCHED = List.of("content", "templates", "assets");
    private static final String SETTINGS = "jbake.properties";

    private final Path root;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    /** Starts watching now; changes are reported on a thread of its own, one batch at a time. */
    public SourceWatcher(Path sourceDir, Consumer<Set<Path>> onChange) {
        this.root = sourceDir.toAbsolutePath().normalize();
        this.onChange = onChange;
        try {
            this.service = root.getFileSystem().newWatchService();
            register(root);
            for (String name : WATCHED) {
                registerTree(root.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.get("preview.cannot-watch", root), e);
        }
        this.thread = new Thread(this::run, "ivb-preview-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new LinkedHashSet<>();
                collect(service.take(), changed);
                long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
                WatchKey key;
                while (System.currentTimeMillis() < deadline
                        && (key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(key, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                changed.add(root);
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (!relevant(file)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    registerTree(file);
                } catch (IOException e) {
                    changed.add(root);
                }
            }
            changed.add(file);
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private boolean relevant(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")) {
            return false;
        }
        Path rel = root.relativize(file);
        if (rel.getNameCount() == 1) {
            return name.equals(SETTINGS) || WATCHED.contains(name);
        }
        return WATCHED.contains(rel.getName(0).toString());
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                register(d);
            }
        }
    }

    private void register(Path dir) throws IOException {
        folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
            thread.join(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
