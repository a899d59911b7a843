package io.mynagate.jpki.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link VerifyBenchmark} and prints ops/s of each benchmark and its ratio to the bare RSA-2048
 * verification measured in the same run. Arguments (optional): warmup iterations, measurement iterations,
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
            scores.put(name, new double[] {result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()});
        }
        double bare = scores.getOrDefault("bareRsa2048Verify", new double[] {Double.NaN})[0];
        System.out.println();
        System.out.println("jpki verification benchmark (1 thread; ops/s; ratio = bare RSA-2048 verify ops/s / ops/s)");
        for (String name : new String[] {"bareRsa2048Verify", "assertionVerify", "pathValidationCachedRevocation",
                "assertionAndPathValidation"}) {
            double[] score = scores.get(name);
            if (score == null) {
                continue;
            }
            System.out.println(String.format(Locale.ROOT, "%-32s %12.1f ± %9.1f ops/s   cost = %5.2f x bare RSA-2048 verify",
                    name, score[0], score[1], bare / score[0]));
        }
    }
}
