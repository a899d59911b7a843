package io.mynagate.gateway.bench;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JDK vs Bouncy Castle verification measured in alternating short slices in one JVM: on a shared,
 * noisy machine the two providers then see the same outside load, which separate JMH forks
 * minutes apart do not. Complements {@link VerifyBenchmark}; run by {@code bench/gateway/jmh.sh}.
 *
 * <p>Usage: {@code VerifyPairedComparison [algs=RS256,ES256,PS256] [pairs=20] [sliceMillis=250]}
 */
public final class VerifyPairedComparison {

  private VerifyPairedComparison() {}

  /**
   * Prints, per algorithm, the median ops/s of each provider and the median of the per-pair
   * BC/JDK ratios.
   *
   * @param args see the class comment
   * @throws Exception when a verifier cannot be built
   */
  public static void main(String[] args) throws Exception {
    String[] algs = (args.length > 0 ? args[0] : "RS256,ES256,PS256").split(",");
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long slice = (args.length > 2 ? Long.parseLong(args[2]) : 250) * 1_000_000L;
    System.out.println();
    System.out.println("== JWS signature verification, JDK and BC alternating in " + slice / 1_000_000
        + " ms slices, " + pairs + " pairs per algorithm (medians) ==");
    System.out.printf("%-6s %12s %12s %10s  %s%n", "alg", "JDK ops/s", "BC ops/s", "BC/JDK",
        "faster");
    for (String alg : algs) {
      TokenMint mint = TokenMint.builder().algorithm(alg).build();
      SignedJWT jwt = SignedJWT.parse(mint.mint("bench-subject", Instant.now()));
      JWSVerifier jdk = VerifyBenchmark.verifierFor(mint.publicJwks().getKeys().get(0),
          mint.algorithm(), "JDK");
      JWSVerifier bc = VerifyBenchmark.verifierFor(mint.publicJwks().getKeys().get(0),
          mint.algorithm(), "BC");
      for (int i = 0; i < 8; i++) { // warm-up: both get compiled before anything counts
        opsPerSecond(jwt, jdk, slice);
        opsPerSecond(jwt, bc, slice);
      }
      List<Double> jdkRates = new ArrayList<>();
      List<Double> bcRates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        // Alternate which goes first so a drifting load favours neither.
        double j;
        double b;
        if (i % 2 == 0) {
          j = opsPerSecond(jwt, jdk, slice);
          b = opsPerSecond(jwt, bc, slice);
        } else {
          b = opsPerSecond(jwt, bc, slice);
          j = opsPerSecond(jwt, jdk, slice);
        }
        jdkRates.add(j);
        bcRates.add(b);
        ratios.add(b / j);
      }
      double ratio = median(ratios);
      System.out.printf("%-6s %,12.0f %,12.0f %10.2f  %s%n", alg, median(jdkRates),
          median(bcRates), ratio, ratio > 1 ? "BC" : "JDK");
    }
  }

  private static double opsPerSecond(SignedJWT jwt, JWSVerifier verifier, long sliceNanos)
      throws Exception {
    long start = System.nanoTime();
    long end = start + sliceNanos;
    long ops = 0;
    long now;
    do {
      if (!verifier.verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature())) {
        throw new IllegalStateException("benchmark token does not verify");
      }
      ops++;
      now = System.nanoTime();
    } while (now < end);
    return ops * 1e9 / (now - start);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
