package nl.noordoostpolder.ivb.preview;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reads of every page of the last good build, by what was read: which pages read the title of a trend, which
 * the list of trends of a theme. After an edit each distinct read is compared once, not once per page that made it:
 * at 5000 pages the pages made 3.5 million reads (each trend reads its theme's list of 700 trends), of 80 thousand
 * distinct ones, and comparing them page by page took 150-300 ms of every edit.
 * <p>
 * This rests on one rule: after a good rebuild every page that made a read saw the same value, because a page whose
 * value differed was rendered again in that rebuild. So one value per read is enough. Not thread-safe; the builder
 * updates it after each good rebuild.
 */
final class ReadIndex {

    private final Map<PageReads.Read, Object> values = new HashMap<>();
    private final Map<PageReads.Read, Set<String>> readers = new HashMap<>();
    private final Map<String, Set<PageReads.Read>> byOwner = new HashMap<>();
    private final Map<String, PageReads> byPage = new HashMap<>();
    private final Set<String> alwaysStale = new HashSet<>();

    /**
     * The pages of the last build that read a value that is different (or gone) now. Compared are what was read of
     * the site itself and of the documents at {@code changed} (pages whose file changed or that are gone), and, when
     * {@code structureChanged} (a header changed, a page came or went), what every document holds from the site
     * model: its theme, lists and neighbours (see {@link PageReads#OWN_ATTRIBUTES}). After an edit of the body of one
     * page of 5000 that is a few hundred reads of 80 thousand; after a trend moved to another theme, 30 thousand.
     */
    Set<String> staleIn(PageReads.Values now, Set<String> changed, boolean structureChanged) {
        Set<String> stale = new HashSet<>(alwaysStale);
        if (structureChanged) {
            byOwner.forEach((owner, owned) -> {
                boolean all = owner.equals(PageReads.SITE) || changed.contains(owner);
                for (PageReads.Read read : owned) {
                    if (all || !PageReads.OWN_ATTRIBUTES.contains(read.attribute())) {
                        compare(now, read, stale);
                    }
                }
            });
            return stale;
        }
        for (String owner : changed) {
            byOwner.getOrDefault(owner, Set.of()).forEach(read -> compare(now, read, stale));
        }
        byOwner.getOrDefault(PageReads.SITE, Set.of()).forEach(read -> compare(now, read, stale));
        return stale;
    }

    private void compare(PageReads.Values now, PageReads.Read read, Set<String> stale) {
        if (now.differs(read, values.get(read))) {
            stale.addAll(readers.get(read));
        }
    }

    /** Whether {@code page} was rendered in a build this index knows. */
    boolean knows(String page) {
        return byPage.containsKey(page);
    }

    /** Takes the reads of the pages rendered in a good rebuild, and forgets the pages the site no longer has. */
    void update(Map<String, PageReads> rendered, Collection<String> gone) {
        gone.forEach(this::forget);
        rendered.forEach((page, reads) -> {
            forget(page);
            byPage.put(page, reads);
            if (reads.alwaysStale()) {
                alwaysStale.add(page);
            }
            reads.values().forEach((read, value) -> {
                values.put(read, value);
                readers.computeIfAbsent(read, r -> new HashSet<>()).add(page);
                byOwner.computeIfAbsent(read.owner(), o -> new HashSet<>()).add(read);
            });
        });
    }

    private void forget(String page) {
        PageReads old = byPage.remove(page);
        alwaysStale.remove(page);
        if (old == null) {
            return;
        }
        for (PageReads.Read read : old.values().keySet()) {
            Set<String> pages = readers.get(read);
            pages.remove(page);
            if (pages.isEmpty()) {
                readers.remove(read);
                values.remove(read);
                Set<PageReads.Read> owned = byOwner.get(read.owner());
                owned.remove(read);
                if (owned.isEmpty()) {
                    byOwner.remove(read.owner());
                }
            }
        }
    }
}
