package io.mynagate.gateway;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.dpop.DpopVerifier;
import io.mynagate.gateway.http.GatewayVerticle;
import io.mynagate.gateway.http.OutboundTls;
import io.mynagate.gateway.http.Services;
import io.mynagate.gateway.jwks.IssuerKeys;
import io.mynagate.gateway.jwks.VerificationProviders;
import io.mynagate.gateway.jwks.JwksSource;
import io.mynagate.gateway.metrics.GatewayMetrics;
import io.mynagate.gateway.state.SharedState;
import io.mynagate.gateway.token.AccessTokenVerifier;
import io.mynagate.gateway.token.TokenCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the shared components, starts key refresh and store sync, deploys the verticles. */
final class GatewayLauncher implements Gateway {
  private static final System.Logger LOG = System.getLogger(GatewayLauncher.class.getName());

  private final Vertx vertx;
  private final Services services;
  private final WebClient webClient;
  private final List<String> deployments = new ArrayList<>();
  private int port;

  private GatewayLauncher(Vertx vertx, Services services, WebClient webClient) {
    this.vertx = vertx;
    this.services = services;
    this.webClient = webClient;
  }

  static Future<Gateway> start(Vertx vertx, GatewayConfig config,
      Map<String, JwksSource> jwksSources, Clock clock) {
    GatewayMetrics metrics = new GatewayMetrics();
    TokenCache cache = new TokenCache(config.cache().verifiedTokens(),
        config.cache().maxEntryLifetime().toMillis(), clock);
    VerificationProviders providers = VerificationProviders.of(config.crypto());
    WebClient webClient = WebClient.create(vertx, OutboundTls.trusting(config.outboundCaFile(),
        new WebClientOptions().setUserAgent("myna-gateway").setFollowRedirects(false)));
    Map<String, IssuerKeys> issuers = new LinkedHashMap<>();
    for (GatewayConfig.Issuer issuer : config.issuers()) {
      JwksSource source = jwksSources.getOrDefault(issuer.issuer(),
          IssuerKeys.httpSource(webClient, issuer));
      issuers.put(issuer.issuer(),
          new IssuerKeys(issuer, source, clock, providers, metrics, cache::removeKeys));
    }
    SharedState state = SharedState.create(config, clock);
    Services services = new Services(config, Map.copyOf(issuers),
        new AccessTokenVerifier(issuers, cache, clock, metrics), state,
        new DpopVerifier(config.dpop().algorithms(), config.dpop().proofMaxAge(), state, clock,
            providers),
        metrics, clock);
    GatewayLauncher gateway = new GatewayLauncher(vertx, services, webClient);
    List<Future<Void>> ready = new ArrayList<>();
    issuers.values().forEach(keys -> ready.add(keys.start(vertx)));
    ready.add(state.start(vertx));
    return Future.all(ready).compose(v -> gateway.deploy()).map(v -> (Gateway) gateway)
        .onFailure(e -> gateway.close());
  }

  private Future<Void> deploy() {
    GatewayConfig config = services.config();
    // Vert.x shares one listening socket among servers that ask for the same host and port; for
    // "any free port" a negative port makes all instances share one random port.
    int requested = config.listen().port() == 0 && config.instances() > 1
        ? -1 : config.listen().port();
    List<GatewayVerticle> verticles = new ArrayList<>();
    List<Future<String>> deployed = new ArrayList<>();
    for (int i = 0; i < config.instances(); i++) {
      GatewayVerticle verticle = new GatewayVerticle(services, requested);
      verticles.add(verticle);
      deployed.add(vertx.deployVerticle(verticle).andThen(ar -> {
        if (ar.succeeded()) {
          synchronized (deployments) {
            deployments.add(ar.result());
          }
        }
      }));
    }
    return Future.all(deployed).map(v -> {
      port = verticles.get(0).actualPort();
      LOG.log(System.Logger.Level.INFO,
          "event=started host={0} port={1,number,#} tls={2} instances={3} store={4} crypto={5}",
          config.listen().host(), port, config.listen().tls().isPresent(), config.instances(),
          services.state().kind(), config.crypto());
      return null;
    });
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Future<Void> close() {
    List<String> ids;
    synchronized (deployments) {
      // Taken out, so that a second close (e.g. shutdown hook after a failed start) undeploys
      // nothing twice.
      ids = List.copyOf(deployments);
      deployments.clear();
    }
    // All at once: each verticle drains its own requests in flight for the grace period.
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : ids) {
      undeployed.add(vertx.undeploy(id));
    }
    services.issuers().values().forEach(IssuerKeys::stop);
    return Future.join(undeployed).eventually(() -> services.state().close())
        .andThen(ar -> webClient.close()).mapEmpty();
  }
}
