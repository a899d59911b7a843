/**
 * Access-token verification: header policy (algorithm allowlist before any crypto, no embedded
 * keys, {@code crit}), signature with the issuer's JWKS, time and issuer claims, a cache of
 * verified tokens, and the per-route requirements (audience, scopes, {@code acr}).
 */
package io.mynagate.gateway.token;
