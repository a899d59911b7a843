package io.mynagate.simulator.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mynagate.simulator.pki.TestPki;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OCSP responder and the CRL server of one {@link TestPki}. On the OCSP port:
 * {@code /ocsp} (responder), {@code /fault?mode=none|error|trylater|slow[&delayMs=N]} and
 * {@code /mode?signer=delegated|direct}. On the CRL port: {@code /crl/<auth|sign>-g<n>.crl}.
 * The two may share a port. Thread-safe; {@link #close()} stops both.
 */
public final class RevocationServices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RevocationServices.class.getName());

    private final FaultSwitch faults = new FaultSwitch();
    private volatile ResponderMode responderMode = ResponderMode.DELEGATED;
    private final HttpServer ocspServer;
    private final HttpServer crlServer;
    private final ExecutorService executor;
    private final String host;

    private RevocationServices(TestPki pki, InetSocketAddress ocspAddress, InetSocketAddress crlAddress)
            throws IOException {
        this.host = ocspAddress.getHostString();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "revocation-http");
            thread.setDaemon(true);
            return thread;
        });
        this.ocspServer = HttpServer.create(ocspAddress, 50);
        boolean shared = ocspAddress.equals(crlAddress) && ocspAddress.getPort() != 0;
        this.crlServer = shared ? ocspServer : HttpServer.create(crlAddress, 50);
        ocspServer.createContext("/ocsp", new OcspHandler(pki, faults, () -> responderMode));
        ocspServer.createContext("/fault", this::switchFault);
        ocspServer.createContext("/mode", this::switchMode);
        crlServer.createContext("/crl/", new CrlHandler(pki, faults));
        ocspServer.setExecutor(executor);
        ocspServer.start();
        if (!shared) {
            crlServer.setExecutor(executor);
            crlServer.start();
        }
    }

    /**
     * Starts both services.
     *
     * @param ocspAddress where the OCSP responder listens (port 0: ephemeral)
     * @param crlAddress  where the CRL server listens (port 0: ephemeral; same as OCSP: one server)
     * @throws IOException when a port cannot be bound
     */
    public static RevocationServices start(TestPki pki, InetSocketAddress ocspAddress, InetSocketAddress crlAddress)
            throws IOException {
        return new RevocationServices(Objects.requireNonNull(pki), ocspAddress, crlAddress);
    }

    /** Starts both on the host and ports baked into the PKI's certificates. */
    public static RevocationServices startAsConfigured(TestPki pki) throws IOException {
        return start(pki, new InetSocketAddress(pki.host(), pki.ocspPort()), new InetSocketAddress(pki.host(), pki.crlPort()));
    }

    /** The switch that makes both services fail or slow. */
    public FaultSwitch faults() {
        return faults;
    }

    /** Chooses who signs OCSP responses. Default {@link ResponderMode#DELEGATED}. */
    public void responderMode(ResponderMode mode) {
        this.responderMode = Objects.requireNonNull(mode);
    }

    /** Bound OCSP port. */
    public int ocspPort() {
        return ocspServer.getAddress().getPort();
    }

    /** Bound CRL port. */
    public int crlPort() {
        return crlServer.getAddress().getPort();
    }

    /** URL of the responder as bound (may differ from the one in certificates when ports differ). */
    public String ocspUrl() {
        return "http://" + host + ":" + ocspPort() + "/ocsp";
    }

    /** Base URL of the CRLs as bound, e.g. {@code http://127.0.0.1:18481/crl/}. */
    public String crlBaseUrl() {
        return "http://" + host + ":" + crlPort() + "/crl/";
    }

    @Override
    public void close() {
        ocspServer.stop(0);
        if (crlServer != ocspServer) {
            crlServer.stop(0);
        }
        executor.shutdownNow();
    }

    private void switchFault(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange);
            try {
                FaultSwitch.Mode mode = FaultSwitch.parse(query.getOrDefault("mode", ""));
                if (mode == FaultSwitch.Mode.SLOW) {
                    faults.slow(Duration.ofMillis(Long.parseLong(query.getOrDefault("delayMs", "5000"))));
                } else {
                    faults.set(mode);
                }
                LOG.log(Level.INFO, "fault mode now {0}", mode);
                Http.send(exchange, 200, "text/plain", mode.name().getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                Http.send(exchange, 400, "text/plain",
                        "mode=none|error|trylater|slow[&delayMs=N, N >= 0]".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private void switchMode(HttpExchange exchange) throws IOException {
        try (exchange) {
            String signer = query(exchange).getOrDefault("signer", "");
            if (!signer.equals("direct") && !signer.equals("delegated")) {
                Http.send(exchange, 400, "text/plain", "signer=delegated|direct".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            responderMode(signer.equals("direct") ? ResponderMode.DIRECT : ResponderMode.DELEGATED);
            Http.send(exchange, 200, "text/plain", responderMode.name().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getQuery();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Stream.of(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
    }
}
