package nl.noordoostpolder.ivb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void listensOnThisComputerOnlyUnlessAHostIsGiven() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertTrue(InetAddress.getByName(serve.host).isLoopbackAddress(), serve.host);
        assertEquals(8080, serve.port);

        ServeCommand wide = new ServeCommand();
        new CommandLine(wide).parseArgs("--host", "0.0.0.0", "--port", "0", "site");
        assertEquals("0.0.0.0", wide.host);
        assertEquals(0, wide.port);
        assertEquals("site", wide.source.sourceDir.toString());
    }

    @Test
    void aPortNumberOutOfRangeIsWrongUsage() {
        assertEquals(Main.USAGE, Main.run("serve", "--port", "70000", "."));
    }
}
