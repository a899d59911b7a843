package io.mynagate.jpki.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link VerifyBenchmark} and prints ops/s of each benchmark and its ratio to the bare RSA-2048
 * verification measured in the same run, then the ratio of the paired group (bare verification and login
 * measured at the same time on two threads). Arguments (optional): warmup iterations, measurement iterations,
 * seconds per iteration, forks; defaults 2 3 1 1.
 */
public final class VerifyBenchmarkMain {
    private VerifyBenchmarkMain() {}

    /**
     * @param args warmups, iterations, seconds per iteration, forks
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Options options = new OptionsBuilder()
                .include(VerifyBenchmark.class.getName() + "\\.")
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            List<Double> perIteration = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    perIteration.add(iteration.getPrimaryResult().getScore());
                }
            }
            Collections.sort(perIteration);
            double median = perIteration.isEmpty() ? Double.NaN : perIteration.get(perIteration.size() / 2);
            scores.put(name, new double[] {result.getPrimaryResult().getScore(), median});
            result.getSecondaryResults().forEach((method, secondary) ->
                    scores.put(method, new double[] {secondary.getScore(), secondary.getScore()}));
        }
        double[] bare = scores.getOrDefault("bareRsa2048Verify", new double[] {Double.NaN, Double.NaN});
        System.out.println();
        System.out.println("jpki verification benchmark, 1 thread. ops/s as JMH mean and median of iterations;");
        System.out.println("cost = bare RSA-2048 verify ops/s / this ops/s (by median; the machine is shared and noisy)");
        for (String name : new String[] {"bareRsa2048Verify", "assertionVerify", "pathValidationCachedRevocation",
                "assertionAndPathValidation", "composedLoginVerify"}) {
            double[] score = scores.get(name);
            if (score != null) {
                System.out.println(String.format(Locale.ROOT,
                        "%-32s mean %10.1f ops/s   median %10.1f ops/s   cost %6.2f x bare RSA-2048 verify",
                        name, score[0], score[1], bare[1] / score[1]));
            }
        }
        double[] pairedBare = scores.get("pairedBareRsa2048Verify");
        double[] pairedLogin = scores.get("pairedLogin");
        if (pairedBare != null && pairedLogin != null) {
            System.out.println(String.format(Locale.ROOT,
                    "paired (run at the same time): bare %.1f ops/s, login %.1f ops/s, "
                            + "login cost %.2f x bare RSA-2048 verify", pairedBare[0], pairedLogin[0],
                    pairedBare[0] / pairedLogin[0]));
        }
    }
}
