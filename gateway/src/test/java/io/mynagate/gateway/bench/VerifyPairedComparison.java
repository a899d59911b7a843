package io.mynagate.gateway.bench;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JDK, Bouncy Castle and Corretto (ACCP) verification measured in rotating short slices in one
 * JVM: on a shared, noisy machine the providers then see the same outside load, which separate
 * JMH forks minutes apart do not. Complements {@link VerifyBenchmark}; run by {@code
 * bench/gateway/jmh.sh}.
 *
 * <p>Usage: {@code VerifyPairedComparison [algs=RS256,ES256,PS256] [rounds=20] [sliceMillis=250]}
 */
public final class VerifyPairedComparison {
  private static final String[] PROVIDERS = {"JDK", "BC", "ACCP"};

  private VerifyPairedComparison() {}

  /**
   * Prints, per algorithm, the median ops/s of each provider and the median of the per-round
   * ratios to the JDK (the baseline, measured in the same round).
   *
   * @param args see the class comment
   * @throws Exception when a verifier cannot be built
   */
  public static void main(String[] args) throws Exception {
    String[] algs = (args.length > 0 ? args[0] : "RS256,ES256,PS256").split(",");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long slice = (args.length > 2 ? Long.parseLong(args[2]) : 250) * 1_000_000L;
    System.out.println();
    System.out.println("== JWS signature verification, JDK / BC / ACCP rotating in "
        + slice / 1_000_000 + " ms slices, " + rounds + " rounds per algorithm (medians) ==");
    System.out.printf("%-6s %12s %12s %12s %8s %8s  %s%n", "alg", "JDK ops/s", "BC ops/s",
        "ACCP ops/s", "BC/JDK", "ACCP/JDK", "fastest");
    for (String alg : algs) {
      TokenMint mint = TokenMint.builder().algorithm(alg).build();
      SignedJWT jwt = SignedJWT.parse(mint.mint("bench-subject", Instant.now()));
      JWSVerifier[] verifiers = new JWSVerifier[PROVIDERS.length];
      for (int p = 0; p < PROVIDERS.length; p++) {
        verifiers[p] = VerifyBenchmark.verifierFor(mint.publicJwks().getKeys().get(0),
            mint.algorithm(), PROVIDERS[p]);
      }
      for (int i = 0; i < 8; i++) { // warm-up: all get compiled before anything counts
        for (JWSVerifier v : verifiers) {
          opsPerSecond(jwt, v, slice);
        }
      }
      List<List<Double>> rates = new ArrayList<>();
      List<List<Double>> ratios = new ArrayList<>();
      for (int p = 0; p < PROVIDERS.length; p++) {
        rates.add(new ArrayList<>());
        ratios.add(new ArrayList<>());
      }
      for (int i = 0; i < rounds; i++) {
        double[] round = new double[PROVIDERS.length];
        // Rotate which goes first so a drifting load favours none.
        for (int k = 0; k < PROVIDERS.length; k++) {
          int p = (i + k) % PROVIDERS.length;
          round[p] = opsPerSecond(jwt, verifiers[p], slice);
        }
        for (int p = 0; p < PROVIDERS.length; p++) {
          rates.get(p).add(round[p]);
          ratios.get(p).add(round[p] / round[0]);
        }
      }
      int fastest = 0;
      for (int p = 1; p < PROVIDERS.length; p++) {
        if (median(rates.get(p)) > median(rates.get(fastest))) {
          fastest = p;
        }
      }
      System.out.printf("%-6s %,12.0f %,12.0f %,12.0f %8.2f %8.2f  %s%n", alg,
          median(rates.get(0)), median(rates.get(1)), median(rates.get(2)),
          median(ratios.get(1)), median(ratios.get(2)), PROVIDERS[fastest]);
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
