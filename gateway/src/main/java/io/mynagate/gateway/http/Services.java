package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import io.mynagate.gateway.dpop.DpopVerifier;
import io.mynagate.gateway.jwks.IssuerKeys;
import io.mynagate.gateway.metrics.GatewayMetrics;
import io.mynagate.gateway.state.SharedState;
import io.mynagate.gateway.token.AccessTokenVerifier;
import java.time.Clock;
import java.util.Map;

/**
 * The thread-safe components every verticle instance shares (one set per gateway process).
 *
 * @param config the configuration
 * @param issuers issuer keys by {@code iss}
 * @param verifier access-token verifier (with its cache)
 * @param state deny list and replay caches
 * @param dpop DPoP proof verifier
 * @param metrics metrics
 * @param clock time source
 */
public record Services(
    GatewayConfig config,
    Map<String, IssuerKeys> issuers,
    AccessTokenVerifier verifier,
    SharedState state,
    DpopVerifier dpop,
    GatewayMetrics metrics,
    Clock clock) {}
