package io.mynagate.bridge.server;

import java.io.IOException;

/** The bridge's port on {@code 127.0.0.1} is taken, most likely by another running card bridge. */
public final class PortInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int port;

    /**
     * @param port the port that could not be bound
     * @param cause what the socket layer reported
     */
    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " on 127.0.0.1 is in use", cause);
        this.port = port;
    }

    /** @return the port that could not be bound */
    public int port() {
        return port;
    }
}
