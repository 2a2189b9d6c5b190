package nl.noordoostpolder.ivb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class SourceTreeTest {

    @TempDir
    Path root;
    private Path content;
    private final Problems problems = new Problems();

    @BeforeEach
    void createContent() throws IOException {
        content = Files.createDirectories(root.resolve("content/trends"));
        Files.createDirectories(root.resolve("templates"));
    }

    private SourceTree scan() {
        return SourceTree.scan(root, problems);
    }

    private List<String> errors() {
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void pagesSharedTextAndImagesAreToldApart() throws IOException {
        Files.writeString(content.resolve("a.adoc"), "= A");
        Files.writeString(content.resolve("_deel.adoc"), "tekst");
        Files.createDirectories(root.resolve("content/_gedeeld"));
        Files.writeString(root.resolve("content/_gedeeld/b.adoc"), "tekst");
        Files.write(content.resolve("foto.PNG"), new byte[] {1});
        SourceTree tree = scan();
        assertEquals(List.of("content/trends/a.adoc"), tree.pages().stream().map(tree::relative).toList());
        assertEquals(List.of("content/_gedeeld/b.adoc", "content/trends/_deel.adoc"),
                tree.fragments().stream().map(tree::relative).toList());
        assertEquals(1, tree.staticFiles().size());
        assertTrue(problems.isEmpty(), errors().toString());
    }

    @Test
    void hiddenFilesHiddenFoldersAndBackupsAreIgnored() throws IOException {
        Files.writeString(content.resolve(".verborgen.html"), "<script>");
        Files.createDirectories(root.resolve("content/.git"));
        Files.writeString(root.resolve("content/.git/config"), "x");
        Files.writeString(content.resolve("a.adoc~"), "x");
        SourceTree tree = scan();
        assertTrue(tree.pages().isEmpty() && tree.staticFiles().isEmpty());
        assertTrue(problems.isEmpty(), errors().toString());
    }

    @Test
    void otherFilesInContentAreRefused() throws IOException {
        Files.writeString(content.resolve("aanval.html"), "<script>");
        scan();
        assertEquals(1, problems.size());
        assertTrue(errors().get(0).startsWith("content/trends/aanval.html:1: error: content/ may only hold .adoc pages"));
    }

    @Test
    void aFolderWithAPageNameAndAPipeAreReported() throws Exception {
        Files.createDirectories(content.resolve("map.adoc"));
        Process mkfifo = new ProcessBuilder("mkfifo", content.resolve("pijp.adoc").toString()).start();
        boolean fifo = mkfifo.waitFor() == 0;
        SourceTree tree = scan();
        assertTrue(tree.pages().isEmpty(), tree.pages().toString());
        assertTrue(errors().contains("content/trends/map.adoc:1: error: this is a folder with a page name. Rename the "
                + "folder (remove .adoc)."), errors().toString());
        assertEquals(fifo ? 2 : 1, problems.size(), errors().toString());
    }

    @Test
    void linksOutsideTheSourceFolderAreRefusedInEveryFolder(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("geheim.adoc"), "= Geheim");
        Files.createSymbolicLink(content.resolve("link.adoc"), outside);
        Files.createDirectories(root.resolve("assets"));
        Files.createSymbolicLink(root.resolve("assets/passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(content.resolve("weg.adoc"), elsewhere.resolve("bestaat-niet"));
        Files.writeString(content.resolve("echt.adoc"), "= Echt");
        Files.createSymbolicLink(content.resolve("binnen.adoc"), content.resolve("echt.adoc"));
        SourceTree tree = scan();
        assertEquals(3, problems.size(), errors().toString());
        assertTrue(errors().get(0).startsWith("assets/passwd:1: error: this is a link to /etc/passwd, outside"));
        assertTrue(errors().get(1).startsWith("content/trends/link.adoc:1: error: this is a link to "));
        assertTrue(errors().get(2).startsWith("content/trends/weg.adoc:1: error: this is a link to a file that does "
                + "not exist"));
        assertEquals(2, tree.pages().size(), "a link inside the folder is fine");
    }

    @Test
    void aMissingTemplatesFolderIsReported() throws IOException {
        Files.delete(root.resolve("templates"));
        scan();
        assertTrue(errors().get(0).startsWith("templates: error: there is no templates/ folder in "), errors().toString());
    }

    @Test
    void aMissingContentFolderIsReported() throws IOException {
        Files.delete(content);
        Files.delete(root.resolve("content"));
        scan();
        assertTrue(errors().get(0).startsWith("content: error: there is no content/ folder in "));
    }

    /** Skipped as root (CI), where permissions do not stop a read; the hostile suite uses a FIFO there. */
    @Test
    void anUnreadableFolderIsAProblemNotACrash() throws IOException {
        Path closed = Files.createDirectories(root.resolve("content/dicht"));
        Files.writeString(closed.resolve("a.adoc"), "= A");
        closed.toFile().setReadable(false, false);
        closed.toFile().setExecutable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(closed), "running as root");
            scan();
            assertEquals(List.of("content/dicht:1: error: cannot be read (permission denied). Give it read permission, "
                    + "or remove it."), errors());
        } finally {
            closed.toFile().setReadable(true, false);
            closed.toFile().setExecutable(true, false);
        }
    }
}
