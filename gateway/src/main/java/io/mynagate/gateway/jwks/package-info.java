/**
 * Issuer keys: JWKS fetched with a non-blocking client, cached per issuer, refreshed in the
 * background, refetched once (rate-limited, shared by all waiting requests) on an unknown {@code
 * kid}, and kept serving for a bounded time while the issuer is unreachable.
 */
package io.mynagate.gateway.jwks;
