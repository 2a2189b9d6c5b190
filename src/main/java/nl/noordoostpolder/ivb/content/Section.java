package nl.noordoostpolder.ivb.content;

/** A level-2 section of a page, listed in its contents list and indexed for search. */
public record Section(String id, String title) {
}
