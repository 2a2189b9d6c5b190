package nl.noordoostpolder.ivb.bench;

import java.io.File;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Stock JBake 2.7.0, for the benchmark: the same jbake-core as the project, with its own crawler, renderers and
 * template engines, baking a source folder exactly as JBake's own {@code Baker} does. Run it with only
 * {@code target/test-classes} and {@code target/lib/*} on the class path, so none of the project's extensions load.
 * Logging is set to WARN, so the comparison does not pay for JBake's INFO lines.
 * <p>
 * Usage: {@code java -cp "target/test-classes:target/lib/*" nl.noordoostpolder.ivb.bench.StockJBake SOURCE OUT}
 */
public final class StockJBake {

    private StockJBake() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(new File(args[0]), new File(args[1]), true);
        Oven oven = new Oven(config);
        oven.bake();
        if (!oven.getErrors().isEmpty()) {
            oven.getErrors().forEach(e -> System.err.println("error: " + e.getMessage()));
            System.exit(1);
        }
    }
}
