/**
 * Benchmark tools for the gateway (test scope only, never shipped).
 *
 * <p>{@link io.mynagate.gateway.bench.BenchUpstream} is a minimal upstream, {@link
 * io.mynagate.gateway.bench.PlainProxy} a reverse proxy without any token check (the throughput
 * ceiling a checking proxy can reach), {@link io.mynagate.gateway.bench.TokenTool} a stand-in
 * identity provider that serves a JWKS and writes a pool of valid access tokens, and {@link
 * io.mynagate.gateway.bench.VerifyBenchmark} the JMH benchmark of JWS verification with the JDK
 * and Bouncy Castle providers. {@code bench/gateway/run.sh} and {@code bench/gateway/jmh.sh} at the
 * repository root drive them; {@code bench/README.md} explains what is measured.
 */
package io.mynagate.gateway.bench;
