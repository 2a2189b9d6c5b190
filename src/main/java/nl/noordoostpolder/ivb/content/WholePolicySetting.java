package nl.noordoostpolder.ivb.content;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the site makes the whole policy in one piece: the page {@code volledig-beleid.html} and the PDF
 * ({@code site.wholepolicy} in {@code jbake.properties}). The PDF of a large site takes seconds per hundred pages,
 * and a page with a thousand pages' text helps no reader, so by default both are made for sites of up to
 * {@value #AUTO_LIMIT} pages only (the policy site has 47); {@code true} makes them at any size, {@code false} never.
 */
public enum WholePolicySetting {
    AUTO, ON, OFF;

    /** The most published pages for which {@link #AUTO} makes the whole policy. */
    public static final int AUTO_LIMIT = 200;

    /** Whether a site with this many published pages gets the one-page view and the PDF. */
    public boolean includes(int documents) {
        return this == ON || this == AUTO && documents <= AUTO_LIMIT;
    }

    /** {@code auto}, {@code true} or {@code false} (also {@code ja}/{@code nee}), in any case; empty when unknown. */
    public static Optional<WholePolicySetting> parse(String value) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> Optional.of(AUTO);
            case "true", "ja" -> Optional.of(ON);
            case "false", "nee" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
