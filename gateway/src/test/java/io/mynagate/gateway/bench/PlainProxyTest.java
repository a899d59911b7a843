package io.mynagate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlainProxyTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void relaysUpstreamAnswerUnchanged() throws TimeoutException {
    int upstream = BenchUpstream.deploy(vertx, 0, 1).await();
    int proxy = PlainProxy.deploy(vertx, URI.create("http://127.0.0.1:" + upstream), 0, 2, 4)
        .await();

    Answer answer = get(proxy, "/api/hello?x=1");

    assertThat(answer.status).isEqualTo(200);
    assertThat(answer.body).isEqualTo(BenchUpstream.BODY.toString());
  }

  @Test
  void answersBadGatewayWhenUpstreamIsDown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int proxy = PlainProxy.deploy(vertx, URI.create("http://127.0.0.1:" + closedPort), 0, 1, 4)
        .await();

    assertThat(get(proxy, "/api/hello").status).isEqualTo(502);
  }

  private Answer get(int port, String uri) throws TimeoutException {
    HttpClient client = vertx.createHttpClient();
    // The body handler must be set on the event loop as the response arrives, hence compose.
    return client.request(new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(port).setURI(uri)
        .putHeader("Authorization", "Bearer not-checked"))
        .compose(request -> request.send())
        .compose(response -> response.body()
            .map(body -> new Answer(response.statusCode(), body.toString())))
        .await(10, TimeUnit.SECONDS);
  }

  private record Answer(int status, String body) {}
}
