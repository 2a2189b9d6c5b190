package nl.noordoostpolder.ivb.post;

/**
 * One address in a baked page, as {@link LinkChecker} checks it.
 *
 * @param value       the address as written ({@code href}, {@code src} or {@code action})
 * @param inBody      whether it is in the part an editor wrote, so it can be reported at a line of the source
 * @param mustBeLocal whether the browser loads it with the page (a script, an image), so it may not come from
 *                    another site
 * @param baseHref    the page's {@code <base href>}, or null: relative addresses are then resolved against it
 */
public record PageLink(String value, boolean inBody, boolean mustBeLocal, String baseHref) {
}
