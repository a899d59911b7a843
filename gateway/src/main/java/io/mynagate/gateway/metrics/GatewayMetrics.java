package io.mynagate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mynagate.gateway.rejection.Rejection;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's metrics, rendered in Prometheus text format at {@code /metrics}:
 * {@code gateway_requests_total{outcome}}, {@code gateway_rejections_total{reason}},
 * {@code gateway_token_cache_total{result}} with {@code gateway_token_cache_hit_ratio},
 * {@code gateway_jwks_fetches_total{issuer,cause,outcome}} and the {@code
 * gateway_request_seconds} latency histogram. Thread-safe.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Rejection, Counter> rejections = new EnumMap<>(Rejection.class);
  private final Counter accepted;
  private final Counter rejected;
  private final Counter upstreamErrors;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Timer latency;

  /** Registers all meters. */
  public GatewayMetrics() {
    for (Rejection r : Rejection.values()) {
      rejections.put(r, Counter.builder("gateway_rejections")
          .description("Requests refused, by reason").tag("reason", r.label()).register(registry));
    }
    accepted = requests("accepted");
    rejected = requests("rejected");
    upstreamErrors = requests("upstream_error");
    cacheHits = Counter.builder("gateway_token_cache").tag("result", "hit")
        .description("Verified-token cache lookups").register(registry);
    cacheMisses = Counter.builder("gateway_token_cache").tag("result", "miss")
        .description("Verified-token cache lookups").register(registry);
    Gauge.builder("gateway_token_cache_hit_ratio", this, GatewayMetrics::hitRatio)
        .description("Verified-token cache hits / lookups since start").register(registry);
    latency = Timer.builder("gateway_request")
        .description("Time from request to response headers (checks + upstream)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  private Counter requests(String outcome) {
    return Counter.builder("gateway_requests").description("Protected requests, by outcome")
        .tag("outcome", outcome).register(registry);
  }

  private double hitRatio() {
    double hits = cacheHits.count();
    double total = hits + cacheMisses.count();
    return total == 0 ? 0 : hits / total;
  }

  /**
   * @param reason why a request was refused
   */
  public void rejected(Rejection reason) {
    rejections.get(reason).increment();
    rejected.increment();
  }

  /** A request passed all checks and was forwarded. */
  public void accepted() {
    accepted.increment();
  }

  /** The upstream failed or timed out. */
  public void upstreamError() {
    upstreamErrors.increment();
  }

  /**
   * @param hit whether the verified-token cache answered
   */
  public void cacheLookup(boolean hit) {
    (hit ? cacheHits : cacheMisses).increment();
  }

  /**
   * @param issuer the issuer
   * @param cause {@code scheduled} or {@code unknown_kid}
   * @param success whether the fetch succeeded
   */
  public void jwksRefresh(String issuer, String cause, boolean success) {
    registry.counter("gateway_jwks_fetches", "issuer", issuer, "cause", cause,
        "outcome", success ? "success" : "failure").increment();
  }

  /**
   * @param startNanos {@link System#nanoTime()} when the request arrived
   */
  public void latency(long startNanos) {
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * @return all meters in Prometheus text exposition format
   */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * @return the registry, for tests and embedding
   */
  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
