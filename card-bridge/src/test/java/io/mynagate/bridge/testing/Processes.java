package io.mynagate.bridge.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The repository's scripts ({@code bin/card-bridge}, {@code bin/card-simulator}) run as processes, for the ITs. */
public final class Processes {
    /** Long enough for a first run that builds the module; a hanging tool fails the test instead. */
    private static final long TIMEOUT_SECONDS = 300;

    private Processes() {}

    /** The repository root: the failsafe configuration passes it, else the module's parent. */
    public static Path repositoryRoot() {
        String root = System.getProperty("mynagate.repository.root");
        return (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    /** A script of {@code bin/}. */
    public static Path script(String name) {
        return repositoryRoot().resolve("bin").resolve(name);
    }

    /**
     * Runs {@code bin/card-bridge} with {@code args}, {@code stdin} as its standard input and extra
     * environment variables, and waits for it.
     */
    public static ProcessRun cardBridge(String stdin, Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script("card-bridge").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only what the test gives: a CARD_BRIDGE_CLASSPATH of the caller's shell must not leak in.
        builder.environment().remove("CARD_BRIDGE_CLASSPATH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        // Read on other threads so that a hanging process still hits the timeout below.
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("bin/card-bridge " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new ProcessRun(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /**
     * One finished process.
     *
     * @param exitCode its exit status
     * @param out its standard output
     * @param err its standard error
     */
    public record ProcessRun(int exitCode, String out, String err) {
        /** The lines of standard output. */
        public List<String> outLines() {
            return out.lines().toList();
        }

        /** The last line of standard output. */
        public String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** The lines of standard error. */
        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
