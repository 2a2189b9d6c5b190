package nl.noordoostpolder.ivb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.noordoostpolder.ivb.i18n.Messages;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * Prints each problem a second time as a GitHub Actions workflow command ({@code ::error file=...,line=...::...}),
 * so that a pull request shows it on the changed file and line in its "Files changed" view.
 * <p>
 * Only when the environment says {@code GITHUB_ACTIONS=true}; elsewhere nothing is printed and the plain
 * {@code file:line: error: message} lines stay the only output. GitHub wants a path relative to the repository root
 * ({@code GITHUB_WORKSPACE}, where actions/checkout puts it), while a problem's path is relative to the source
 * folder: a source folder below the root is added in front. The runner reads workflow commands from standard output
 * and standard error alike.
 */
final class GitHubAnnotations {

    private final boolean enabled;
    private final Path repositoryRoot;

    private GitHubAnnotations(boolean enabled, Path repositoryRoot) {
        this.enabled = enabled;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    /** Annotations as the given environment asks for; the working folder stands in for a missing GITHUB_WORKSPACE. */
    static GitHubAnnotations from(Map<String, String> environment, Path workingDir) {
        String workspace = environment.get("GITHUB_WORKSPACE");
        Path root = workspace == null || workspace.isBlank() ? workingDir : Path.of(workspace);
        return new GitHubAnnotations("true".equals(environment.get("GITHUB_ACTIONS")), root);
    }

    /** Annotations as this process's environment asks for. */
    static GitHubAnnotations fromEnvironment() {
        return from(System.getenv(), Path.of(""));
    }

    boolean enabled() {
        return enabled;
    }

    /** Prints one workflow command per problem, when enabled. */
    void print(List<Problem> problems, Path sourceDir, PrintWriter out) {
        if (!enabled) {
            return;
        }
        for (Problem problem : problems) {
            out.println(command(problem, sourceDir));
        }
        out.flush();
    }

    /** The workflow command for one problem; {@code sourceDir} is the folder its path is relative to. */
    String command(Problem problem, Path sourceDir) {
        StringBuilder properties = new StringBuilder();
        String file = repositoryPath(problem.path(), sourceDir);
        if (file != null) {
            properties.append("file=").append(escapeProperty(file));
            if (problem.line() > 0) {
                properties.append(",line=").append(problem.line());
            }
            properties.append(',');
        }
        properties.append("title=").append(escapeProperty(Messages.get("gh.annotation.title")));
        return "::error " + properties + "::" + escapeData(problem.message());
    }

    /**
     * The problem's path relative to the repository root, with forward slashes; null when the problem names no file
     * (a command-line option such as {@code --base-url}) or lies outside the repository.
     */
    private String repositoryPath(String path, Path sourceDir) {
        if (path.isEmpty() || path.startsWith("-")) {
            return null;
        }
        Path absolute = sourceDir.toAbsolutePath().normalize().resolve(path).normalize();
        if (!absolute.startsWith(repositoryRoot)) {
            return null;
        }
        return repositoryRoot.relativize(absolute).toString().replace('\\', '/');
    }

    /** Escapes the message after {@code ::}, as GitHub's toolkit does ({@code escapeData}). */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value, as GitHub's toolkit does ({@code escapeProperty}). */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
