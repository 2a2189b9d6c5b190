package nl.noordoostpolder.ivb.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What changes between two built sites: the pages added, changed and removed, and whether the search index, the
 * sitemap and the feed change.
 * <p>
 * Pages are the {@code *.html} files. The search index is {@code search-index.json} (and its {@code .gz}) with the
 * folder {@code search-index/}; other files (stylesheet, scripts, images, {@code robots.txt}) are only counted.
 *
 * @param added pages only in the new site, by address
 * @param changed pages in both whose bytes differ, by address
 * @param removed pages only in the old site, by address
 * @param searchIndex how the search index changes
 * @param sitemap how {@code sitemap.xml} changes
 * @param feed how {@code feed.xml} changes
 * @param otherFilesChanged how many other files are added, changed or removed
 */
public record SiteDiff(List<PageChange> added, List<PageChange> changed, List<PageChange> removed, Part searchIndex,
        Part sitemap, Part feed, int otherFilesChanged) {

    /** How one part of the site (the search index, the sitemap, the feed) changes. */
    public enum Part {
        /** In neither site (a site built without an address has no sitemap or feed). */
        ABSENT,
        UNCHANGED,
        CHANGED
    }

    private static final Predicate<String> PAGE = a -> a.endsWith(".html");
    private static final Predicate<String> SEARCH_INDEX = a -> a.startsWith("search-index.json")
            || a.startsWith("search-index/");

    /** Compares the site before a change with the site after it. */
    public static SiteDiff between(SiteSnapshot before, SiteSnapshot after) {
        Map<String, String> old = before.hashes();
        Map<String, String> now = after.hashes();
        List<PageChange> added = new ArrayList<>();
        List<PageChange> changed = new ArrayList<>();
        List<PageChange> removed = new ArrayList<>();
        int others = 0;
        for (String address : union(old, now)) {
            if (!differs(old, now, address)) {
                continue;
            }
            if (PAGE.test(address)) {
                if (!old.containsKey(address)) {
                    added.add(new PageChange(address, after.title(address)));
                } else if (!now.containsKey(address)) {
                    removed.add(new PageChange(address, before.title(address)));
                } else {
                    changed.add(new PageChange(address, after.title(address)));
                }
            } else if (!SEARCH_INDEX.test(address) && !address.equals("sitemap.xml") && !address.equals("feed.xml")) {
                others++;
            }
        }
        return new SiteDiff(List.copyOf(added), List.copyOf(changed), List.copyOf(removed),
                part(old, now, SEARCH_INDEX), part(old, now, "sitemap.xml"::equals), part(old, now, "feed.xml"::equals),
                others);
    }

    /** True when the new site has exactly the same pages with exactly the same bytes. */
    public boolean noPageChanges() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    private static Part part(Map<String, String> old, Map<String, String> now, Predicate<String> belongs) {
        Map<String, String> before = only(old, belongs);
        Map<String, String> after = only(now, belongs);
        if (before.isEmpty() && after.isEmpty()) {
            return Part.ABSENT;
        }
        return before.equals(after) ? Part.UNCHANGED : Part.CHANGED;
    }

    private static Map<String, String> only(Map<String, String> files, Predicate<String> belongs) {
        Map<String, String> part = new TreeMap<>();
        files.forEach((address, hash) -> {
            if (belongs.test(address)) {
                part.put(address, hash);
            }
        });
        return part;
    }

    private static boolean differs(Map<String, String> old, Map<String, String> now, String address) {
        return !Objects.equals(old.get(address), now.get(address));
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
