package nl.noordoostpolder.ivb.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import nl.noordoostpolder.ivb.i18n.Language;

/**
 * Runs each test of a class with English messages ({@code @ExtendWith(InEnglish.class)}), for tests that assert the
 * English text of a message; Dutch, the default, is restored afterwards. The Dutch texts are checked by
 * {@code HostileSourcesTest} (every failing case in both languages) and {@code LanguageChoiceTest}.
 */
public final class InEnglish implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Language.use(Language.EN);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Language.use(Language.NL);
    }
}
