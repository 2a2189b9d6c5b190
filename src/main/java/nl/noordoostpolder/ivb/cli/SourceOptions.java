package nl.noordoostpolder.ivb.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a source folder shares. */
final class SourceOptions {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "SOURCE_DIR", descriptionKey = "sourceDir",
            description = "Folder with content/, templates/, assets/ and jbake.properties (default: ${DEFAULT-VALUE}).")
    Path sourceDir;

    @Option(names = "--verbose", description = "Show JBake's log and stack traces.")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N", description = "Pages to convert at once (default: number of cores).")
    Integer threads;
}
