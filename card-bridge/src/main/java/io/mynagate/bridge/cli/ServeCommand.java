package io.mynagate.bridge.cli;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.server.BridgeServer;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code card-bridge serve}: the local page the identity provider hands off to
 * ({@link BridgeServer}), on {@code 127.0.0.1} and the configured port, until the process is stopped.
 * The allowed identity providers come from the configuration file ({@link ServeConfig}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the card bridge's page on 127.0.0.1 (default port " + BridgeServer.DEFAULT_PORT + ") for "
                + "the identity providers of the configuration file, until stopped (Ctrl-C).",
                "カードブリッジのページを 127.0.0.1 で提供します（既定のポート " + BridgeServer.DEFAULT_PORT + "）。"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CardOptions card;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: $XDG_CONFIG_HOME/card-bridge/" + ServeConfig.FILE_NAME
                    + ", XDG_CONFIG_HOME defaulting to ~/.config).")
    Path config;

    @Option(names = "--port", paramLabel = "N",
            description = "The port on 127.0.0.1 (default: the configuration's, else " + BridgeServer.DEFAULT_PORT + ").")
    Integer port;

    private final Io io;

    ServeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (card.waitSeconds != 0) {
            throw new IllegalArgumentException("--wait does not apply to serve: the page asks the resident for the card");
        }
        ServeConfig settings = ServeConfig.load(config != null ? config : ServeConfig.defaultLocation(System.getenv()));
        int chosenPort = port != null ? port : settings.port().orElse(BridgeServer.DEFAULT_PORT);
        if (chosenPort != 0 && (chosenPort < 1024 || chosenPort > 65535)) {
            throw new IllegalArgumentException("the port must be 1024..65535");
        }
        HandoffRequestVerifier verifier = settings.verifier();
        CardService service = card.service(settings.provider().orElse(null), settings.reader().orElse(null));
        if (settings.allowHttpOnLoopback()) {
            io.err().println("warning: allow-http-on-loopback is on: identity providers over plain http on a loopback "
                    + "host are accepted; for the demo only / デモ専用の設定です");
            io.err().flush();
        }
        BridgeServer server = BridgeServer.builder().cardService(service).verifier(verifier).port(chosenPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "card-bridge-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        io.out().println("card-bridge: serving on " + server.origin() + "/ for " + settings.issuers().size()
                + " identity provider(s); stop with Ctrl-C");
        io.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            removeHook(hook);
        }
        return CardBridgeCli.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run.
        }
    }
}
