package io.mynagate.gateway.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link VerifyBenchmark} and prints, per algorithm and benchmark, the throughput with each
 * provider (JDK, Bouncy Castle, Corretto) and the ratios to the JDK's. Accepts the usual JMH
 * command-line options ({@code -f 1 -wi 2 -i 3 -p alg=ES256}); defaults are set by {@code
 * bench/gateway/jmh.sh}.
 */
public final class VerifyBenchmarkMain {

  private VerifyBenchmarkMain() {}

  /**
   * Runs the benchmark and prints the comparison.
   *
   * @param args JMH command-line options
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
        .include(VerifyBenchmark.class.getName() + "\\.").build()).run();

    // benchmark method -> alg -> provider -> ops/s
    Map<String, Map<String, Map<String, Double>>> scores = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      scores.computeIfAbsent(method, m -> new TreeMap<>())
          .computeIfAbsent(result.getParams().getParam("alg"), a -> new TreeMap<>())
          .put(result.getParams().getParam("provider"), result.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("== JWS verification (Nimbus " + nimbusVersion() + ", Java "
        + System.getProperty("java.version") + "), ops/s, higher is better ==");
    System.out.printf("%-16s %-6s %14s %14s %14s %8s %8s  %s%n", "benchmark", "alg", "JDK", "BC",
        "ACCP", "BC/JDK", "ACCP/JDK", "fastest");
    scores.forEach((method, byAlg) -> byAlg.forEach((alg, byProvider) -> {
      Double jdk = byProvider.get("JDK");
      String fastest = byProvider.entrySet().stream().max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey).orElse("-");
      System.out.printf("%-16s %-6s %14s %14s %14s %8s %8s  %s%n", method, alg, format(jdk),
          format(byProvider.get("BC")), format(byProvider.get("ACCP")),
          ratio(byProvider.get("BC"), jdk), ratio(byProvider.get("ACCP"), jdk), fastest);
    }));
  }

  private static String ratio(Double score, Double baseline) {
    return score == null || baseline == null ? "-" : String.format("%.2f", score / baseline);
  }

  private static String format(Double score) {
    return score == null ? "-" : String.format("%,.0f", score);
  }

  private static String nimbusVersion() {
    String version = com.nimbusds.jose.JWSObject.class.getPackage().getImplementationVersion();
    return version == null ? "?" : version;
  }
}
