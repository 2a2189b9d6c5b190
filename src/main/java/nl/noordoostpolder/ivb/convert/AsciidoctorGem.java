package nl.noordoostpolder.ivb.convert;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Where the Asciidoctor Ruby gem lies inside the AsciidoctorJ jar, so that JRuby can load it from that path directly.
 * <p>
 * Starting JRuby is most of the time a small bake takes. With the gem's {@code lib} folder on JRuby's load path,
 * RubyGems does not have to start at all ({@code jruby.cli.rubygems.enable=false}, which the launcher sets), and
 * Asciidoctor starts about a second sooner.
 */
final class AsciidoctorGem {

    private static final Pattern ENTRY = Pattern.compile("gems/asciidoctor-[0-9.]+/lib/asciidoctor\\.rb");

    private AsciidoctorGem() {
    }

    /** The JRuby load path of the gem, such as {@code uri:classloader:/gems/asciidoctor-2.0.23/lib}. */
    static Optional<String> libPath() {
        try {
            Path jar = Path.of(org.asciidoctor.jruby.AsciidoctorJRuby.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            if (!jar.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                return file.stream().map(e -> e.getName()).filter(n -> ENTRY.matcher(n).matches()).findFirst()
                        .map(n -> "uri:classloader:/" + n.substring(0, n.length() - "/asciidoctor.rb".length()));
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
