/**
 * The test JPKI PKI (Bouncy Castle): self-signed roots for user authentication and for signatures
 * with JPKI-shaped DNs but {@code O=JPKI-TEST}, two generations with the same DN, delegated OCSP
 * responder certificates, and end-entity certificates per the profile in
 * {@code docs/jpki.md} section 2. Issue, revoke (with reason) and renew (with a linkage
 * record old -> new). All state lives in one directory as PEM, PKCS#8 and properties files, so runs
 * are repeatable: {@link io.mynagate.simulator.pki.TestPki} is the entry point.
 */
package io.mynagate.simulator.pki;
