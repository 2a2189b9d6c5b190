package nl.noordoostpolder.ivb.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.validate.Problems;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class SettingsLoaderTest {

    @TempDir
    Path dir;
    private final Problems problems = new Problems();

    private SiteSettings load(String properties, String override) throws IOException {
        Files.writeString(dir.resolve("jbake.properties"), properties);
        return SettingsLoader.load(dir, override, problems);
    }

    private List<String> errors() {
        return problems.list().stream().map(Object::toString).toList();
    }

    @Test
    void readsTheSiteSettings() throws IOException {
        SiteSettings s = load("site.title=Titel\nsite.baseurl=https://example.org/ivb\nsite.editurl=https://e.org/edit\n"
                + "content.folder=content\nasset.folder = assets\n", null);
        assertEquals("Titel", s.title());
        assertEquals("https://example.org/ivb/", s.baseUrl());
        assertEquals("/ivb/", s.basePath());
        assertEquals("https://e.org/edit/", s.editUrl());
        assertTrue(problems.isEmpty(), errors().toString());
    }

    @Test
    void aScriptAddressIsRefusedWithItsLine() throws IOException {
        load("site.title=T\n\nsite.baseurl=javascript:alert(1)//\nsite.editurl = javascript:alert(2)\n", null);
        assertEquals(List.of("jbake.properties:3: error: the base URL 'javascript:alert(1)//' must be an absolute "
                + "http(s) address, for example https://example.org/ivb/", "jbake.properties:4: error: the edit URL "
                + "'javascript:alert(2)' must be an absolute http(s) address, for example https://example.org/ivb/"),
                errors());
    }

    @Test
    void theWholePolicySettingIsAutoUnlessSetAndAnUnknownValueIsReportedWithItsLine() throws IOException {
        assertEquals(nl.noordoostpolder.ivb.content.WholePolicySetting.AUTO, load("site.title=T\n", null).wholePolicy());
        assertEquals(nl.noordoostpolder.ivb.content.WholePolicySetting.OFF,
                load("site.wholepolicy = False\n", null).wholePolicy());
        assertTrue(problems.isEmpty(), errors().toString());
        load("site.title=T\nsite.wholepolicy=soms\n", null);
        assertEquals(List.of("jbake.properties:2: error: " + nl.noordoostpolder.ivb.i18n.Messages.get(
                "pdf.setting.unknown", "soms")), errors());
        assertTrue(errors().get(0).contains("'soms'") && errors().get(0).contains("auto"), errors().toString());
    }

    @Test
    void aBaseUrlFromTheCommandLineIsCheckedToo() throws IOException {
        load("", "data:text/html,x");
        assertEquals(List.of("--base-url: error: the base URL 'data:text/html,x' must be an absolute http(s) address, "
                + "for example https://example.org/ivb/"), errors());
    }

    @Test
    void folderSettingsThatPointElsewhereAreRefused() throws IOException {
        load("asset.folder=../../../../etc\ntemplate.folder=templates\ncontent.folder=/home\n", null);
        assertEquals(2, problems.size(), errors().toString());
        assertTrue(errors().get(0).startsWith("jbake.properties:1: error: 'asset.folder' is '../../../../etc'"));
        assertTrue(errors().get(1).startsWith("jbake.properties:3: error: 'content.folder' is '/home'"));
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        Files.write(dir.resolve("jbake.properties"), new byte[] {'a', '=', (byte) 0xE9, '\n'});
        SettingsLoader.load(dir, null, problems);
        assertEquals(List.of("jbake.properties:1: error: the file is not valid UTF-8 text. Save it as UTF-8."), errors());
    }
}
