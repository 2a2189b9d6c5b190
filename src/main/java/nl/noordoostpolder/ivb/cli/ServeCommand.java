package nl.noordoostpolder.ivb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.noordoostpolder.ivb.preview.PreviewSession;
import nl.noordoostpolder.ivb.i18n.Messages;

/** {@code serve}: a preview of the site that rebuilds and reloads the browser on every save. */
@Command(name = "serve", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.configure(source.verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("error: " + Messages.get("serve.port.invalid", port));
            return Main.USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            err.println("error: " + Messages.get("serve.host.invalid", host));
            return Main.USAGE;
        }
        // A client that opens a connection and never sends its request may hold a request thread for 10 s at most.
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
        PreviewSession session;
        try {
            session = PreviewSession.start(source.sourceDir, new InetSocketAddress(address, port),
                    Commands.options(source), out, err, source.verbose);
        } catch (BindException e) {
            err.println("error: " + Messages.get("serve.port.taken", host, port, e.getMessage()));
            return Main.USAGE;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        if (!address.isLoopbackAddress()) {
            err.println(Messages.get("serve.host.public", host));
        }
        out.println(Messages.get("serve.open", session.address()));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            stopped.countDown();
        }, "ivb-preview-stop"));
        stopped.await();
        return Main.OK;
    }
}
