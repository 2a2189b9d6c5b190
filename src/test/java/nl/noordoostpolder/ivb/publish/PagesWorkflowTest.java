package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The GitHub Pages workflow is GitHub's own flow for a built site: checkout, Java 17 (Temurin) with the Maven cache,
 * configure-pages for the address, the README's build command with that address, the tests, upload of
 * {@code target/site}, deploy-pages; and it deploys only from the default branch, never from a pull request.
 * Before all that a fast job runs {@code ivb check} (problems as annotations in a pull request); on pull requests only,
 * a job writes what the change publishes into the run's summary and uploads the pull request's site. Every build
 * passes the address of GitHub's web editor for "Bewerk deze pagina".
 */
class PagesWorkflowTest {

    private static final Path WORKFLOW = SiteUnderTest.projectDir().resolve(".github/workflows/pages.yml");
    private static final String DEFAULT_BRANCH_ONLY =
            "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

    private static final String PULL_REQUEST_ONLY = "github.event_name == 'pull_request'";
    /** GitHub's web editor for a file on the default branch: {@code https://github.com/OWNER/REPO/edit/BRANCH/PATH}. */
    static final String EDIT_URL = "${{ github.server_url }}/${{ github.repository }}/edit/"
            + "${{ github.event.repository.default_branch }}/";
    private static final String PASSES_EDIT_URL = "-Dsite.editUrl=\"$EDIT_URL\"";

    private static Map<String, Object> workflow;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader in = Files.newBufferedReader(WORKFLOW, StandardCharsets.UTF_8)) {
            workflow = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), "the workflow");
        }
    }

    @Test
    void runsOnPushesAndPullRequests() {
        // YAML 1.1 (SnakeYAML) reads the key `on` as the boolean true, GitHub as the string "on".
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        Map<String, Object> triggers = map(on, "on");
        assertTrue(triggers.containsKey("push"), "push");
        assertTrue(triggers.containsKey("pull_request"), "pull_request");
    }

    @Test
    void buildJobFollowsTheOfficialPagesFlowInOrder() throws IOException {
        List<Map<String, Object>> steps = steps("build");
        int checkout = index(steps, "actions/checkout@");
        int java = index(steps, "actions/setup-java@");
        int pages = index(steps, "actions/configure-pages@");
        int build = indexOfRun(steps, readmeBuildCommand());
        int upload = index(steps, "actions/upload-pages-artifact@");
        assertTrue(checkout < java && java < pages && pages < build && build < upload,
                "order checkout, setup-java, configure-pages, build, upload: " + List.of(checkout, java, pages, build, upload));

        Map<String, Object> setupJava = map(steps.get(java).get("with"), "setup-java with");
        assertEquals("temurin", setupJava.get("distribution"));
        assertEquals("17", String.valueOf(setupJava.get("java-version")));
        assertEquals("maven", setupJava.get("cache"));

        assertEquals("pages", steps.get(pages).get("id"), "configure-pages needs an id for its outputs");
        Map<String, Object> buildStep = steps.get(build);
        String run = (String) buildStep.get("run");
        assertTrue(run.contains("-Dsite.baseUrl=\"$BASE_URL/\""), "the build passes the Pages address: " + run);
        assertEquals("${{ steps.pages.outputs.base_url }}", map(buildStep.get("env"), "build env").get("BASE_URL"));

        int test = indexOfRun(steps, "mvn -B verify");
        assertTrue(build < test && test < upload, "the site is tested before it is uploaded");
        assertTrue(((String) steps.get(test).get("run")).contains("-Dsite.baseUrl=\"$BASE_URL/\""),
                "the tests check the site baked for the published address");

        assertEquals("target/site", map(steps.get(upload).get("with"), "upload with").get("path"));
        assertEquals(DEFAULT_BRANCH_ONLY, steps.get(upload).get("if"), "pull requests upload nothing");
    }

    @Test
    void deployJobRunsOnlyForTheDefaultBranchAfterTheBuild() {
        Map<String, Object> deploy = job("deploy");
        assertEquals(List.of("build"), needs("deploy"));
        assertEquals(DEFAULT_BRANCH_ONLY, deploy.get("if"));
        Map<String, Object> environment = map(deploy.get("environment"), "environment");
        assertEquals("github-pages", environment.get("name"));
        List<Map<String, Object>> steps = steps("deploy");
        int deployStep = index(steps, "actions/deploy-pages@");
        assertEquals("deployment", steps.get(deployStep).get("id"));
        assertEquals("${{ steps.deployment.outputs.page_url }}", environment.get("url"));

        Map<String, Object> runConcurrency = map(workflow.get("concurrency"), "concurrency");
        assertEquals("${{ github.event_name == 'pull_request' }}", runConcurrency.get("cancel-in-progress"),
                "a newer push may cancel a pull request's build, never a run that deploys");
        assertEquals(Boolean.FALSE, map(deploy.get("concurrency"), "deploy concurrency").get("cancel-in-progress"));

        Map<String, Object> permissions = map(deploy.containsKey("permissions") ? deploy.get("permissions")
                : workflow.get("permissions"), "permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
    }

    @Test
    void everyActionIsGitHubsOwnPinnedToAMajorVersion() {
        List<String> uses = new ArrayList<>();
        for (String job : map(workflow.get("jobs"), "jobs").keySet()) {
            steps(job).stream().map(s -> (String) s.get("uses")).filter(Objects::nonNull).forEach(uses::add);
        }
        assertEquals(12, uses.size(), uses.toString());
        for (String action : uses) {
            assertTrue(action.matches("actions/[a-z-]+@v\\d+(\\.\\d+){0,2}"), action);
        }
    }

    @Test
    void theBakeInThePomReceivesTheBaseUrlProperty() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList arguments = factory.newDocumentBuilder().parse(SiteUnderTest.projectDir().resolve("pom.xml").toFile())
                .getElementsByTagName("argument");
        boolean passed = false;
        for (int i = 0; i < arguments.getLength(); i++) {
            passed |= arguments.item(i).getTextContent().strip().equals("--base-url=${site.baseUrl}");
        }
        assertTrue(passed, "the exec plugin passes --base-url=${site.baseUrl} to `ivb build`");
    }

    @Test
    void aFastCheckJobComesFirstAndTheBuildWithItsBrowserTestsNeedsIt() {
        Map<String, Object> check = job("check");
        assertFalse(check.containsKey("if"), "check runs on every push and pull request");
        assertFalse(check.containsKey("needs"), "check is the first job");
        List<Map<String, Object>> steps = steps("check");
        int checkout = index(steps, "actions/checkout@");
        int java = index(steps, "actions/setup-java@");
        assertEquals("maven", map(steps.get(java).get("with"), "setup-java with").get("cache"));
        int tool = indexOfRun(steps, "mvn -B -q -Dmaven.test.skip=true -DskipSiteBake package");
        int run = indexOfRun(steps, "java -jar target/ivb.jar check");
        assertTrue(checkout < java && java < tool && tool < run, List.of(checkout, java, tool, run).toString());
        for (Map<String, Object> step : steps) {
            String command = (String) Objects.requireNonNullElse(step.get("run"), "");
            assertFalse(command.contains("verify") || command.contains("-DskipTests package"),
                    "the check job neither tests nor bakes: " + command);
        }
        assertFalse(workflowText().contains("GITHUB_ACTIONS:"),
                "GitHub sets GITHUB_ACTIONS=true itself; nothing may override it, or no annotations appear");

        assertEquals(List.of("check"), needs("build"), "the long build and browser tests wait for the check");
        assertEquals(List.of("build"), needs("deploy"));
    }

    @Test
    void onPullRequestsOnlyTheSummaryOfWhatChangesAndTheSiteToDownload() {
        Map<String, Object> changes = job("changes");
        assertEquals(PULL_REQUEST_ONLY, changes.get("if"));
        assertEquals(List.of("check"), needs("changes"));
        List<Map<String, Object>> steps = steps("changes");

        Map<String, Object> base = null;
        for (Map<String, Object> step : steps) {
            Object with = step.get("with");
            if (with instanceof Map<?, ?> w && "base".equals(w.get("path"))) {
                base = step;
            }
        }
        assertNotNull(base, "a step checks out the base branch into base/");
        assertEquals("${{ github.event.pull_request.base.sha }}", map(base.get("with"), "base with").get("ref"));

        int ownSite = indexOfRun(steps, "mvn -B -q -DskipTests package");
        Map<String, Object> baseBuild = steps.stream().filter(s -> "base".equals(s.get("working-directory")))
                .findFirst().orElseThrow(() -> new AssertionError("a step builds in base/ with the base's own pom"));
        assertTrue(((String) baseBuild.get("run")).startsWith("mvn -B -q -DskipTests package"), baseBuild.toString());
        int summary = indexOfRun(steps, "java -jar target/ivb.jar diff base/target/site target/site --format markdown");
        assertTrue(((String) steps.get(summary).get("run")).contains(">> \"$GITHUB_STEP_SUMMARY\""));
        assertTrue(ownSite < steps.indexOf(baseBuild) && steps.indexOf(baseBuild) < summary);

        int upload = index(steps, "actions/upload-artifact@v4");
        Map<String, Object> with = map(steps.get(upload).get("with"), "upload-artifact with");
        assertEquals("voorbeeld-site", with.get("name"));
        assertEquals("target/site", with.get("path"));

        for (String name : map(workflow.get("jobs"), "jobs").keySet()) {
            for (Map<String, Object> step : steps(name)) {
                boolean summarises = String.valueOf(step.get("run")).contains("GITHUB_STEP_SUMMARY");
                boolean uploadsArtifact = String.valueOf(step.get("uses")).startsWith("actions/upload-artifact@");
                if (summarises || uploadsArtifact) {
                    assertTrue(PULL_REQUEST_ONLY.equals(job(name).get("if")) || PULL_REQUEST_ONLY.equals(step.get("if")),
                            "runs on pull requests only: " + step);
                }
            }
        }
    }

    @Test
    void everyBuildPassesGitHubsEditorForTheEditLink() {
        assertEquals(EDIT_URL, map(workflow.get("env"), "env").get("EDIT_URL"));
        List<String> builds = new ArrayList<>();
        for (String name : List.of("build", "changes")) {
            for (Map<String, Object> step : steps(name)) {
                String run = (String) Objects.requireNonNullElse(step.get("run"), "");
                if (run.contains("mvn -B") && (run.contains(" package") || run.contains(" verify"))) {
                    builds.add(run);
                    assertTrue(run.contains(PASSES_EDIT_URL), "the edit address is passed: " + run);
                }
            }
        }
        assertEquals(4, builds.size(), builds.toString());
    }

    @Test
    void theBakeInThePomReceivesTheEditUrlProperty() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList arguments = factory.newDocumentBuilder().parse(SiteUnderTest.projectDir().resolve("pom.xml").toFile())
                .getElementsByTagName("argument");
        boolean passed = false;
        for (int i = 0; i < arguments.getLength(); i++) {
            passed |= arguments.item(i).getTextContent().strip().equals("--edit-url=${site.editUrl}");
        }
        assertTrue(passed, "the exec plugin passes --edit-url=${site.editUrl} to `ivb build`");
    }

    /** The jobs a job waits for, whether written as one name or as a list. */
    private static List<String> needs(String jobName) {
        Object needs = job(jobName).get("needs");
        if (needs instanceof String one) {
            return List.of(one);
        }
        assertTrue(needs instanceof List<?>, jobName + " needs another job");
        return ((List<?>) needs).stream().map(String::valueOf).toList();
    }

    private static String workflowText() {
        try {
            return Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The build command of the README's quick start. */
    private static String readmeBuildCommand() throws IOException {
        String readme = Files.readString(SiteUnderTest.projectDir().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^ {4}(mvn [^\\n]*package[^\\n]*)$").matcher(readme);
        assertTrue(m.find(), "README has an indented `mvn ... package` build command");
        return m.group(1).strip();
    }

    private static int index(List<Map<String, Object>> steps, String usesPrefix) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Object uses = steps.get(i).get("uses");
            if (uses instanceof String s && s.startsWith(usesPrefix)) {
                found.add(i);
            }
        }
        assertEquals(1, found.size(), "one step uses " + usesPrefix);
        return found.get(0);
    }

    private static int indexOfRun(List<Map<String, Object>> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            Object run = steps.get(i).get("run");
            if (run instanceof String s && s.contains(command)) {
                return i;
            }
        }
        throw new AssertionError("no step runs `" + command + "`");
    }

    private static Map<String, Object> job(String name) {
        Map<String, Object> job = map(map(workflow.get("jobs"), "jobs").get(name), "job " + name);
        assertEquals("ubuntu-latest", job.get("runs-on"));
        return job;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String jobName) {
        Object steps = job(jobName).get("steps");
        assertTrue(steps instanceof List<?> list && !list.isEmpty(), "steps of " + jobName);
        for (Object step : (List<?>) steps) {
            Map<String, Object> s = map(step, "step");
            assertFalse(((String) Objects.requireNonNullElse(s.get("name"), "")).isBlank(), "every step has a name: " + s);
        }
        return (List<Map<String, Object>>) steps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertNotNull(value, what);
        assertTrue(value instanceof Map, what + " is a mapping");
        return (Map<String, Object>) value;
    }
}
