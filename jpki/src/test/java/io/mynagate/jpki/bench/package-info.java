/**
 * JMH benchmarks of the identity provider's per-login verification cost: card assertion verification
 * plus certificate path validation with a cached revocation result, measured next to a bare RSA-2048
 * signature verification in the same run (machines are noisy: only the ratio is comparable between runs).
 * Run with {@code bench/jpki-verify.sh}.
 */
package io.mynagate.jpki.bench;
