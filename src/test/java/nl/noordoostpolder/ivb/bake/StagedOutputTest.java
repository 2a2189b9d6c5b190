package nl.noordoostpolder.ivb.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.testing.Umask;
import nl.noordoostpolder.ivb.validate.ContentException;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class StagedOutputTest {

    @TempDir
    Path dir;

    private long entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.count();
        }
    }

    @Test
    void aCommittedSiteReplacesTheOldOneWhole() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "oud");
        Files.writeString(site.resolve("weg.html"), "oud");
        try (StagedOutput staged = StagedOutput.beside(site)) {
            Files.writeString(staged.folder().resolve("index.html"), "nieuw");
            staged.commit();
        }
        assertEquals("nieuw", Files.readString(site.resolve("index.html")));
        assertFalse(Files.exists(site.resolve("weg.html")));
        assertEquals(1, entries(dir), "no staging or previous folder left beside it");
    }

    @Test
    void anAbandonedBakeLeavesTheOldSiteAndNothingElse() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "oud");
        try (StagedOutput staged = StagedOutput.beside(site)) {
            Files.writeString(staged.folder().resolve("index.html"), "half");
        }
        assertEquals("oud", Files.readString(site.resolve("index.html")));
        assertEquals(1, entries(dir));
    }

    @Test
    void anOutputBelowAFileIsRefusedNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("blokkade"), "x");
        ContentException e = assertThrows(ContentException.class,
                () -> StagedOutput.beside(dir.resolve("blokkade/a/site")));
        assertTrue(e.problems().get(0).message().startsWith("cannot write the site here: " + dir.resolve("blokkade")
                + " is a file"), e.getMessage());
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("site"), "x");
        assertThrows(ContentException.class, () -> StagedOutput.beside(file));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFolderWithOtherFilesIsNeverReplaced() throws IOException {
        Path documents = Files.createDirectories(dir.resolve("documenten"));
        Files.writeString(documents.resolve("belangrijk.txt"), "x");
        ContentException e = assertThrows(ContentException.class, () -> StagedOutput.beside(documents));
        assertTrue(e.problems().get(0).message().startsWith("the output folder holds files but no site"));
        assertEquals(1, entries(dir));
    }

    @Test
    void anEmptyOrNewFolderIsFine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("leeg"));
        Files.writeString(empty.resolve(".nojekyll"), "");
        try (StagedOutput staged = StagedOutput.beside(empty)) {
            staged.commit();
        }
        try (StagedOutput staged = StagedOutput.beside(dir.resolve("nieuw/diep/site"))) {
            staged.commit();
        }
        assertTrue(Files.isDirectory(dir.resolve("nieuw/diep/site")));
    }

    @Test
    void aFailedFirstBakeLeavesNoFoldersBehind() throws IOException {
        try (StagedOutput staged = StagedOutput.beside(dir.resolve("target/deep/site"))) {
            Files.writeString(staged.folder().resolve("index.html"), "half");
        }
        assertEquals(0, entries(dir), "no empty target/ left behind");
    }

    @Test
    void theSiteFolderGetsTheUmasksPermissionsLikeTheFoldersInIt() throws IOException {
        Umask.assumePosix();
        Path site = dir.resolve("site");
        try (StagedOutput staged = StagedOutput.beside(site)) {
            Files.createDirectories(staged.folder().resolve("themes"));
            staged.commit();
        }
        Umask.assertUmaskMode(site, dir);
        Umask.assertUmaskMode(site.resolve("themes"), dir);
    }

    @Test
    void aSecondBakeReplacingTheSiteKeepsTheUmasksPermissions() throws IOException {
        Umask.assumePosix();
        Path site = dir.resolve("site");
        for (int bake = 0; bake < 2; bake++) {
            try (StagedOutput staged = StagedOutput.beside(site)) {
                Files.writeString(staged.folder().resolve("index.html"), "bake " + bake);
                staged.commit();
            }
        }
        Umask.assertUmaskMode(site, dir);
    }
}
