package nl.noordoostpolder.ivb.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkCheckerTest {

    @Test
    void resolvesRelativeLinksFromThePage() {
        assertEquals("themes/zorg.html", LinkChecker.resolve("trends/krapte.html", "../themes/zorg.html"));
        assertEquals("trends/andere.html", LinkChecker.resolve("trends/krapte.html", "andere.html"));
        assertEquals("trends/andere.html", LinkChecker.resolve("trends/krapte.html", "./andere.html"));
        assertEquals("css/site.css", LinkChecker.resolve("index.html", "css/site.css"));
        assertEquals("a/b/c.html", LinkChecker.resolve("a/b/x.html", "../b/./c.html"));
    }

    @Test
    void aFolderLinkKeepsItsSlashForIndexHtml() {
        assertEquals("trends/", LinkChecker.resolve("trends/krapte.html", "./"));
        assertEquals("", LinkChecker.resolve("trends/krapte.html", ".."));
    }

    @Test
    void climbingAboveTheSiteRootIsNull() {
        assertNull(LinkChecker.resolve("index.html", "../etc/passwd"));
        assertNull(LinkChecker.resolve("trends/krapte.html", "../../../../etc/passwd"));
        assertNull(LinkChecker.resolve("trends/krapte.html", "a/../../../x.html"));
    }
}
