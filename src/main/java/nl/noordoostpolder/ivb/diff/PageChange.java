package nl.noordoostpolder.ivb.diff;

/**
 * One page that a change adds, alters or removes.
 *
 * @param address the page's address relative to the site root, for example {@code trends/x.html}
 * @param title what a reader sees as its title
 */
public record PageChange(String address, String title) {
}
