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
 */
class PagesWorkflowTest {

    private static final Path WORKFLOW = SiteUnderTest.projectDir().resolve(".github/workflows/pages.yml");
    private static final String DEFAULT_BRANCH_ONLY =
            "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

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
        assertEquals("build", deploy.get("needs"));
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
        assertEquals(5, uses.size(), uses.toString());
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
