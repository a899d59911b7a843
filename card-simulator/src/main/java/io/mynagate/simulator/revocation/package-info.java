/**
 * Revocation services of the test PKI over HTTP ({@code com.sun.net.httpserver}): an OCSP responder
 * (RFC 6960; GET and POST; direct or delegated responder certificate; the request nonce echoed)
 * and a CRL server (RFC 5280 CRLs, one per root, regenerated per request), plus a
 * {@link io.mynagate.simulator.revocation.FaultSwitch} that makes both fail or answer slowly for
 * fault tests. Start them with {@link io.mynagate.simulator.revocation.RevocationServices#start}.
 */
package io.mynagate.simulator.revocation;
