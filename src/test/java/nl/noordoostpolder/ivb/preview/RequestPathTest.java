package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void site() throws IOException {
        root = dir.resolve("site");
        Files.createDirectories(root.resolve("trends"));
        Files.writeString(root.resolve("index.html"), "home");
        Files.writeString(root.resolve("trends/x.html"), "trend");
        Files.writeString(root.resolve("trends/index.html"), "trends");
        Files.writeString(root.resolve("a b.html"), "space");
        Files.writeString(root.resolve(".hidden"), "hidden");
        Files.writeString(dir.resolve("secret.txt"), "secret");
    }

    @Test
    void servesFilesInsideTheFolder() {
        assertEquals(root.resolve("trends/x.html"), found("/trends/x.html"));
        assertEquals(root.resolve("index.html"), found("/"));
        assertEquals(root.resolve("trends/index.html"), found("/trends/"));
        assertEquals(root.resolve("a b.html"), found("/a%20b.html"));
    }

    @Test
    void aFolderWithoutSlashIsRedirectedSoRelativeLinksWork() {
        RequestPath.Result result = RequestPath.resolve(root, "/trends");
        assertEquals(new RequestPath.Redirect("/trends/"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../etc/passwd", "/trends/../../secret.txt", "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/trends/%2e%2e/%2e%2e/secret.txt",
            "//etc/passwd", "/trends//x.html", "/./index.html", "/%2e/index.html", "/x%00.html", "/C:/Windows/win.ini",
            "/%c0%ae%c0%ae/secret.txt", "/%zz", "/%2", "relative.html", "", "/trends/x.html/.."})
    void refusesPathsThatTryToLeaveTheFolder(String path) {
        assertInstanceOf(RequestPath.BadRequest.class, RequestPath.resolve(root, path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/secret.txt", "/.hidden", "/trends/.hidden", "/%252e%252e/secret.txt",
            "/missing.html", "/index.html/x"})
    void absoluteAndMissingPathsAreNotFound(String path) {
        assertInstanceOf(RequestPath.NotFound.class, RequestPath.resolve(root, path), path);
    }

    @Test
    void aLinkThatLeadsOutOfTheFolderIsNotFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("up"), dir);
        assertInstanceOf(RequestPath.NotFound.class, RequestPath.resolve(root, "/link.txt"));
        assertInstanceOf(RequestPath.NotFound.class, RequestPath.resolve(root, "/up/secret.txt"));
    }

    @Test
    void decodingIsStrict() {
        assertEquals("a b", RequestPath.decode("a%20b"));
        assertEquals("a+b", RequestPath.decode("a+b"));
        assertEquals("thema's", RequestPath.decode("thema%27s"));
        assertEquals("één", RequestPath.decode("%C3%A9%C3%A9n"));
        assertThrows(IllegalArgumentException.class, () -> RequestPath.decode("%C3"));
        assertThrows(IllegalArgumentException.class, () -> RequestPath.decode("%g0"));
    }

    private Path found(String path) {
        RequestPath.Result result = RequestPath.resolve(root, path);
        return assertInstanceOf(RequestPath.Found.class, result, path).file();
    }
}
