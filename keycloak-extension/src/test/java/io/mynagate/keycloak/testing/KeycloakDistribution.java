package io.mynagate.keycloak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs the official Keycloak distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked under
 * {@code target/} by maven-dependency-plugin) as a process of its own, with this module's
 * {@code target/providers/} in its {@code providers/} directory: {@code kc.sh start-dev} on 127.0.0.1,
 * free ports, a fresh embedded dev database, a bootstrap admin with a random password.
 *
 * <p>{@code start-dev} re-augments the server by itself when the providers changed (kc.sh relaunches it),
 * so there is no separate {@code kc.sh build} step: providers are copied only when their content
 * changed, and a rerun with the same jars skips the 30 s augmentation.
 *
 * <p>Every missing prerequisite fails with what to run, never skips. Configured by system properties
 * (set by the module's failsafe configuration): {@value #DIST_DIR}, {@value #PROVIDERS_DIR},
 * {@value #WORK_DIR}, and optionally {@value #START_TIMEOUT} (seconds, default 300).
 */
public final class KeycloakDistribution {
    /** The unpacked distribution, e.g. {@code target/keycloak-dist/keycloak-26.7.3}. */
    public static final String DIST_DIR = "keycloak.dist.dir";
    /** The jars to install, {@code target/providers}. */
    public static final String PROVIDERS_DIR = "keycloak.providers.dir";
    /** Where the log and the pid file go, {@code target/keycloak-it}. */
    public static final String WORK_DIR = "keycloak.work.dir";
    /** Seconds to wait for readiness. */
    public static final String START_TIMEOUT = "keycloak.startTimeoutSeconds";

    private static final String ADMIN_USER = "admin";
    private static final List<String> REQUIRED_PROVIDER_JARS = List.of("keycloak-extension-", "jpki-", "nimbus-jose-jwt-");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final Path distDir;
    private final Path providersDir;
    private final Path workDir;
    private final Duration startTimeout;

    private KeycloakDistribution(Path distDir, Path providersDir, Path workDir, Duration startTimeout) {
        this.distDir = distDir;
        this.providersDir = providersDir;
        this.workDir = workDir;
        this.startTimeout = startTimeout;
    }

    /**
     * @return the distribution the module's build prepared
     * @throws IllegalStateException when a system property is missing (the test was not run by failsafe)
     */
    public static KeycloakDistribution fromSystemProperties() {
        return new KeycloakDistribution(directory(DIST_DIR), directory(PROVIDERS_DIR), directory(WORK_DIR),
                Duration.ofSeconds(Long.getLong(START_TIMEOUT, 300)));
    }

    /**
     * @param distDir the unpacked distribution
     * @param providersDir the jars to install
     * @param workDir where the log and the pid file go
     * @param startTimeout how long to wait for readiness
     * @return a launcher for these directories
     */
    static KeycloakDistribution of(Path distDir, Path providersDir, Path workDir, Duration startTimeout) {
        return new KeycloakDistribution(distDir, providersDir, workDir, startTimeout);
    }

    /**
     * Installs the providers, starts the server and waits until it is ready.
     *
     * @return the running server
     * @throws IllegalStateException when a prerequisite is missing, the server exits or is not ready in time
     */
    public RunningKeycloak start() {
        checkDistribution();
        try {
            Files.createDirectories(workDir);
            stopLeftoverFromEarlierRun();
            boolean providersChanged = installProviders();
            deleteDevDatabase();
            return launch(providersChanged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkDistribution() {
        if (!Files.isExecutable(distDir.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + distDir + ": it is unpacked by the"
                    + " module's build (maven-dependency-plugin, pre-integration-test). Run:"
                    + " ./mvnw -pl keycloak-extension -am verify");
        }
        for (String prefix : REQUIRED_PROVIDER_JARS) {
            if (providerJars(providersDir).stream().noneMatch(jar -> jar.getFileName().toString().startsWith(prefix))) {
                throw new IllegalStateException("no " + prefix + "*.jar in " + providersDir + ": the package phase"
                        + " builds target/providers/. Run: ./mvnw -pl keycloak-extension -am verify");
            }
        }
    }

    // A failsafe JVM killed hard leaves its server running; end it, but only if it is ours (same dist dir).
    private void stopLeftoverFromEarlierRun() throws IOException {
        Path pidFile = workDir.resolve("keycloak.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(distDir.toString()));
        if (leftover.isPresent()) {
            log("stopping the server left by an earlier run (pid " + pid + ")");
            RunningKeycloak.stopTree(leftover.get());
        }
        Files.deleteIfExists(pidFile);
    }

    /** @return whether any jar was added, replaced or removed (then start-dev re-augments) */
    private boolean installProviders() throws IOException {
        Path target = distDir.resolve("providers");
        Set<String> wanted = new HashSet<>();
        boolean changed = false;
        for (Path jar : providerJars(providersDir)) {
            String name = jar.getFileName().toString();
            wanted.add(name);
            Path installed = target.resolve(name);
            if (!Files.exists(installed) || !sameEntries(jar, installed)) {
                Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        for (Path installed : providerJars(target)) {
            if (!wanted.contains(installed.getFileName().toString())) {
                Files.delete(installed);
                changed = true;
            }
        }
        log("providers " + (changed ? "installed (changed: start-dev re-augments, about 30 s more)" : "unchanged")
                + ": " + wanted.stream().sorted().toList());
        return changed;
    }

    // Each run starts from an empty dev database: no realm of an earlier run, the bootstrap admin anew.
    private void deleteDevDatabase() throws IOException {
        Path h2 = distDir.resolve("data/h2");
        if (Files.exists(h2)) {
            try (Stream<Path> files = Files.walk(h2)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private RunningKeycloak launch(boolean providersChanged) throws IOException {
        int httpPort = freePort();
        int managementPort = freePort();
        String adminPassword = randomPassword();
        Path logFile = workDir.resolve("keycloak.log");
        List<String> command = new ArrayList<>(Arrays.asList(
                distDir.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, "--health-enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(distDir.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // Six engineers share two cores: a modest heap, as kc.sh's own default outside containers.
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        long started = System.nanoTime();
        log("starting " + distDir.getFileName() + " on http://127.0.0.1:" + httpPort + " (management " + managementPort
                + "), log " + logFile);
        Process process = builder.start();
        Files.writeString(workDir.resolve("keycloak.pid"), Long.toString(process.pid()));
        RunningKeycloak server = new RunningKeycloak(process, URI.create("http://127.0.0.1:" + httpPort),
                URI.create("http://127.0.0.1:" + managementPort), ADMIN_USER, adminPassword, logFile,
                workDir.resolve("keycloak.pid"));
        try {
            awaitReady(server, started);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log(String.format("ready after %.1f s%s", took.toMillis() / 1000.0,
                providersChanged ? " (including re-augmentation)" : ""));
        return server;
    }

    private void awaitReady(RunningKeycloak server, long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(server.managementUri().resolve("/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = started + startTimeout.toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        while (true) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + server.process().exitValue()
                        + " before it was ready; log " + server.logFile() + ", last lines:\n" + server.logTail(30));
            }
            if (isReady(http, ready)) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("Keycloak was not ready within " + startTimeout.toSeconds()
                        + " s (" + START_TIMEOUT + " to change it); log " + server.logFile() + ", last lines:\n"
                        + server.logTail(30));
            }
            if (now > nextProgress) {
                log(String.format("still starting (%d s): %s", Duration.ofNanos(now - started).toSeconds(),
                        server.logTail(1).strip()));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(POLL);
        }
    }

    private static boolean isReady(HttpClient http, HttpRequest ready) {
        try {
            HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static List<Path> providerJars(Path dir) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    // Jars rebuilt from the same classes differ only in entry timestamps; comparing names, sizes and CRCs
    // (from the central directory) keeps the installed copy, and its mtime, so start-dev does not re-augment.
    private static boolean sameEntries(Path a, Path b) throws IOException {
        try (ZipFile first = new ZipFile(a.toFile()); ZipFile second = new ZipFile(b.toFile())) {
            if (first.size() != second.size()) {
                return false;
            }
            for (ZipEntry entry : java.util.Collections.list(first.entries())) {
                ZipEntry other = second.getEntry(entry.getName());
                if (other == null || other.getSize() != entry.getSize() || other.getCrc() != entry.getCrc()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: integration tests run"
                    + " through Maven failsafe (./mvnw -pl keycloak-extension -am verify), which sets it");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    static void log(String message) {
        System.out.println("[keycloak] " + message);
        System.out.flush();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
