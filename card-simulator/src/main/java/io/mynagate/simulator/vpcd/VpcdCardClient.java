package io.mynagate.simulator.vpcd;

import io.mynagate.simulator.card.SimulatedCard;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/**
 * Puts a {@link SimulatedCard} into vpcd's reader: connects to vpcd and answers its messages on a
 * daemon thread until {@link #close()} (which removes the card) or until vpcd goes away. With
 * {@link #keepInserted} the client reconnects after vpcd restarts, for long-running servers.
 * APDU contents are never logged: they carry PINs.
 */
public final class VpcdCardClient implements AutoCloseable {
    /** vpcd's default port (0x8C7B). */
    public static final int DEFAULT_PORT = 35963;
    /** vpcd's default host. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final System.Logger LOG = System.getLogger(VpcdCardClient.class.getName());
    private static final int CTRL_OFF = 0x00;
    private static final int CTRL_ON = 0x01;
    private static final int CTRL_RESET = 0x02;
    private static final int CTRL_ATR = 0x04;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final InetSocketAddress vpcd;
    private final SimulatedCard card;
    private final boolean reconnect;
    private final Thread worker;
    private volatile Socket socket;
    private volatile boolean closed;

    private VpcdCardClient(InetSocketAddress vpcd, SimulatedCard card, boolean reconnect, Socket first) {
        this.vpcd = vpcd;
        this.card = card;
        this.reconnect = reconnect;
        this.socket = first;
        this.worker = new Thread(this::run, "vpcd-card-" + vpcd.getPort());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Connects once and serves until closed or until vpcd disconnects.
     *
     * @throws IOException when vpcd does not accept the connection (is pcscd running?)
     */
    public static VpcdCardClient insert(String host, int port, SimulatedCard card) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        return new VpcdCardClient(address, Objects.requireNonNull(card), false, open(address));
    }

    /** Keeps the card inserted: connects in the background and reconnects whenever vpcd comes back. */
    public static VpcdCardClient keepInserted(String host, int port, SimulatedCard card) {
        return new VpcdCardClient(new InetSocketAddress(host, port), Objects.requireNonNull(card), true, null);
    }

    /** True while a connection to vpcd is open. */
    public boolean connected() {
        Socket current = socket;
        return current != null && !current.isClosed() && !closed;
    }

    /** Removes the card from the reader and stops the worker. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try {
                if (socket == null) {
                    socket = open(vpcd);
                }
                LOG.log(Level.INFO, "card inserted into vpcd at {0}", vpcd.getHostString() + ":" + vpcd.getPort());
                serve(socket);
            } catch (IOException e) {
                if (!closed && reconnect && !warned) {
                    LOG.log(Level.WARNING, "vpcd at {0} not reachable ({1}); retrying every second (is pcscd running?)",
                            vpcd.getHostString() + ":" + vpcd.getPort(), e.getClass().getSimpleName());
                    warned = true;
                } else if (!closed) {
                    LOG.log(Level.DEBUG, "vpcd connection ended: {0}", e.getClass().getSimpleName());
                }
            } finally {
                closeQuietly(socket);
                socket = null;
                card.reset();
            }
            if (!reconnect) {
                return;
            }
            sleep(RECONNECT_DELAY);
        }
    }

    private void serve(Socket connection) throws IOException {
        DataInputStream in = new DataInputStream(connection.getInputStream());
        DataOutputStream out = new DataOutputStream(connection.getOutputStream());
        while (!closed) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                return;
            }
            byte[] message = new byte[length];
            in.readFully(message);
            byte[] answer = handle(message);
            if (answer != null) {
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        }
    }

    private byte[] handle(byte[] message) {
        if (message.length != 1) {
            return card.transmit(message);
        }
        switch (message[0] & 0xFF) {
            case CTRL_OFF:
            case CTRL_ON:
            case CTRL_RESET:
                card.reset();
                return null;
            case CTRL_ATR:
                return card.atr();
            default:
                // Unknown control byte: vpcd expects no answer.
                return null;
        }
    }

    private static Socket open(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, 2000);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
