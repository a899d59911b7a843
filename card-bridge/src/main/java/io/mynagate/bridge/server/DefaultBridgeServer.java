package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpServer;
import io.mynagate.bridge.card.CardService;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link BridgeServer} on the JDK's {@code com.sun.net.httpserver}: a handful of pages for one
 * resident need no framework. Bound to {@code 127.0.0.1} by address, never by name ({@code localhost}
 * may resolve to {@code ::1} or, misconfigured, elsewhere) and never to all interfaces.
 */
final class DefaultBridgeServer implements BridgeServer {
    private static final System.Logger LOG = System.getLogger(DefaultBridgeServer.class.getName());
    /** A few threads: a card operation takes a second, and a resident has one or two tabs open. */
    private static final int THREADS = 4;
    private static final int BACKLOG = 16;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final ExecutorService executor;
    private final InetSocketAddress address;
    private final URI origin;
    private boolean closed;

    private DefaultBridgeServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.address = server.getAddress();
        this.origin = URI.create("http://127.0.0.1:" + address.getPort());
    }

    static BridgeServer start(int port, CardService card, HandoffRequestVerifier verifier, PendingRequests pending)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), BACKLOG);
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        }
        int bound = server.getAddress().getPort();
        LoopbackHost host = new LoopbackHost(bound);
        RequestEndpoint page = new RequestEndpoint(card, pending);
        server.createContext("/", new BridgeHandler(host, new HomeEndpoint(card), new HandoffEndpoint(verifier, pending),
                page, new SignEndpoint(card, pending, host, page), new Assets()));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.log(System.Logger.Level.INFO, "card bridge serving on http://127.0.0.1:{0,number,#}/", bound);
        return new DefaultBridgeServer(server, executor);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "card-bridge-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public int port() {
        return address.getPort();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public URI origin() {
        return origin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BridgeServer[" + origin + "]";
    }
}
