package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.validate.ContentException;
import nl.noordoostpolder.ivb.validate.Problem;

/** Small helpers the commands share. */
final class Commands {

    private Commands() {
    }

    static BakeOptions options(SourceOptions source) {
        BakeOptions options = BakeOptions.defaults();
        return source.threads != null && source.threads > 0 ? options.withThreads(source.threads) : options;
    }

    static void printProblems(ContentException e, PrintWriter err) {
        for (Problem problem : e.problems()) {
            err.println(problem);
        }
        err.flush();
    }

    /** As above, and in GitHub Actions each problem once more as an annotation on its file and line. */
    static void printProblems(ContentException e, PrintWriter err, Path sourceDir) {
        printProblems(e, err);
        GitHubAnnotations.fromEnvironment().print(e.problems(), sourceDir, err);
    }

    /** A path as short as it can be: relative to the working folder when inside it. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
