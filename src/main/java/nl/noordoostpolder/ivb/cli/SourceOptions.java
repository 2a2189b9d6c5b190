package nl.noordoostpolder.ivb.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a source folder shares. */
final class SourceOptions {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "SOURCE_DIR", descriptionKey = "sourceDir")
    Path sourceDir;

    @Option(names = "--verbose")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N")
    Integer threads;
}
