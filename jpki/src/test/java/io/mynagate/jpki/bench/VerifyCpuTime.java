package io.mynagate.jpki.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same operations as {@link VerifyBenchmark}, timed by the CPU time of the measuring thread rather than
 * by the wall clock. On a shared machine a thread waits for a core for much of the wall time, and how long
 * changes from second to second, so two benchmarks run one after the other see different machines; the CPU
 * time a thread used per operation hardly depends on that. Each round measures every operation once, the
 * bare RSA-2048 verification first, and each cost is the ratio to the bare verification of the same round;
 * the figure printed is the median over the rounds. Arguments (optional): CPU seconds per operation and
 * round, rounds; defaults 2 and 5.
 */
public final class VerifyCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    /** One benchmark method. */
    private interface Operation {
        Object run() throws Exception;
    }

    private VerifyCpuTime() {}

    /**
     * @param args CPU seconds per operation and round, rounds
     * @throws Exception when the benchmark setup or an operation fails
     */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        VerifyBenchmark benchmark = new VerifyBenchmark();
        benchmark.setUp();
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("bareRsa2048Verify", benchmark::bareRsa2048Verify);
        operations.put("assertionVerify", benchmark::assertionVerify);
        operations.put("pathValidationCachedRevocation", benchmark::pathValidationCachedRevocation);
        operations.put("composedLoginVerify", benchmark::composedLoginVerify);

        for (Operation operation : operations.values()) {
            cpuNanosPerOperation(operation, seconds); // warm-up: JIT and caches
        }
        Map<String, List<Double>> costs = new LinkedHashMap<>();
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            double bare = Double.NaN;
            StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                double nanos = cpuNanosPerOperation(operation.getValue(), seconds);
                if (Double.isNaN(bare)) {
                    bare = nanos;
                }
                costs.computeIfAbsent(operation.getKey(), k -> new ArrayList<>()).add(nanos / bare);
                micros.computeIfAbsent(operation.getKey(), k -> new ArrayList<>()).add(nanos / 1e3);
                line.append(String.format(Locale.ROOT, " %s %.1f us (%.2f x)", operation.getKey(), nanos / 1e3,
                        nanos / bare));
            }
            System.out.println(line);
        }
        System.out.println();
        System.out.println("jpki verification, CPU time of the measuring thread per operation (" + rounds
                + " rounds of " + seconds + " CPU s each); cost = this / bare RSA-2048 verify of the same round,");
        System.out.println("median over the rounds");
        for (String name : operations.keySet()) {
            System.out.println(String.format(Locale.ROOT, "%-32s cpu %8.1f us/op   cost %6.2f x bare RSA-2048 verify",
                    name, median(micros.get(name)), median(costs.get(name))));
        }
    }

    private static double cpuNanosPerOperation(Operation operation, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long used;
        long count = 0;
        do {
            // Read the clock every 16 operations: a read costs about a microsecond.
            for (int i = 0; i < 16; i++) {
                sink = operation.run();
            }
            count += 16;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return (double) used / count;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
