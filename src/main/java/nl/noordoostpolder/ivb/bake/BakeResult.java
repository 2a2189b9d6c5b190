package nl.noordoostpolder.ivb.bake;

import java.nio.file.Path;

/** What a successful bake wrote: how many pages, where, in how many milliseconds. */
public record BakeResult(int pages, Path output, long millis) {
}
