package io.mynagate.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback TCP relay to a real service that tests can cut and restore (an outage). */
public final class TcpRelay {
  private final Vertx vertx;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  public TcpRelay(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
    listen(0);
  }

  private void listen(int onPort) {
    server = vertx.createNetServer().connectHandler(inbound -> {
      inbound.pause();
      sockets.add(inbound);
      client.connect(targetPort, "127.0.0.1").onSuccess(outbound -> {
        sockets.add(outbound);
        inbound.pipeTo(outbound);
        outbound.pipeTo(inbound);
        inbound.resume();
      }).onFailure(e -> inbound.close());
    });
    port = server.listen(onPort, "127.0.0.1").await().actualPort();
  }

  public int port() {
    return port;
  }

  /** Stops accepting and drops every open connection. */
  public void cut() {
    server.close().await();
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  /** Accepts connections again on the same port. */
  public void restore() {
    listen(port);
  }
}
