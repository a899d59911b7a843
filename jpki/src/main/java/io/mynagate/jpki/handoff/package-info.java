/**
 * The hand-off request (DESIGN.md "Login, step by step", steps 2-3): the identity provider's signed
 * instruction to the card bridge, and the bridge's check of it. The format and its decisions are in
 * {@code docs/handoff-request.md}.
 *
 * <h2>Format</h2>
 * A compact JWS (RFC 7515), header {@code alg} {@code RS256} | {@code PS256} | {@code ES256},
 * {@code typ} {@value io.mynagate.jpki.handoff.HandoffRequest#TYPE}, {@code kid}; payload
 * {@code iss}, {@code aud} = {@value io.mynagate.jpki.handoff.HandoffRequest#AUDIENCE}, {@code jti},
 * {@code iat}, {@code exp}, {@code nonce}, {@code purpose}, {@code return_uri}, {@code client_id},
 * {@code client_name} and, for {@code share}, {@code claims}. See
 * {@link io.mynagate.jpki.handoff.HandoffRequest}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Explicit typing (RFC 8725 section 3.11) and a fixed audience: a realm signs ID tokens, access
 *       tokens and logout tokens with the same key; {@code typ} and {@code aud} keep any of them from
 *       passing as a hand-off.</li>
 *   <li>Asymmetric algorithms only; {@code none} and HMAC are refused before any key is looked up, so
 *       a public key can never be used as an HMAC secret.</li>
 *   <li>The key comes from the allowlist: issuer URL plus configured JWK set URL
 *       ({@link io.mynagate.jpki.handoff.AllowedIssuer}); {@code jku}, {@code x5u}, {@code jwk},
 *       {@code x5c} and {@code crit} are refused. The key is chosen by {@code kid} and {@code use=sig}.</li>
 *   <li>Lifetime {@code exp - iat} at most 5 minutes, clock skew 60 s by default; {@code jti} single
 *       use through a {@link io.mynagate.jpki.handoff.ReplayStore}, checked last.</li>
 *   <li>The return URI's origin (RFC 6454: scheme, host, port) is the issuer's; https, except an http
 *       issuer on a loopback host when the verifier is built with
 *       {@link io.mynagate.jpki.handoff.HandoffRequestVerifier.Builder#allowHttpOnLoopback()}.</li>
 *   <li>Requested claims come from the vocabulary of {@link io.mynagate.jpki.claims.ClaimName}.</li>
 *   <li>At most 8 KiB by default, checked before parsing.</li>
 * </ul>
 *
 * <h2>Parts</h2>
 * {@link io.mynagate.jpki.handoff.HandoffRequest#builder()} and a
 * {@link io.mynagate.jpki.handoff.HandoffSigner} (the realm key, wherever it lives) on the identity
 * provider's side; {@link io.mynagate.jpki.handoff.HandoffRequestVerifier} with a
 * {@link io.mynagate.jpki.handoff.KeySetSource} and a {@link io.mynagate.jpki.handoff.ReplayStore} on
 * the bridge's. Every refusal is a {@link io.mynagate.jpki.handoff.HandoffRequestException} carrying a
 * {@link io.mynagate.jpki.Reason}.
 */
package io.mynagate.jpki.handoff;
