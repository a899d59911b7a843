package io.mynagate.keycloak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak server started by {@link KeycloakDistribution}: its URLs, its bootstrap admin, its log.
 * {@link #close()} stops it (SIGTERM, kc.sh forwards it to the JVM; then SIGKILL after 30 s) and is
 * idempotent; a shutdown hook calls it too, so the server never outlives the test JVM.
 */
public final class RunningKeycloak implements AutoCloseable {
    private final Process process;
    private final URI baseUri;
    private final URI managementUri;
    private final String adminUser;
    private final String adminPassword;
    private final Path logFile;
    private final Path pidFile;
    private final Thread shutdownHook;

    RunningKeycloak(Process process, URI baseUri, URI managementUri, String adminUser, String adminPassword,
            Path logFile, Path pidFile) {
        this.process = process;
        this.baseUri = baseUri;
        this.managementUri = managementUri;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.shutdownHook = new Thread(this::stop, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @return e.g. {@code http://127.0.0.1:41234}, without trailing slash */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the management interface (health), e.g. {@code http://127.0.0.1:41235} */
    public URI managementUri() {
        return managementUri;
    }

    /** @return the bootstrap admin's username in the master realm */
    public String adminUser() {
        return adminUser;
    }

    /** @return the bootstrap admin's password, random per run */
    public String adminPassword() {
        return adminPassword;
    }

    /** @return the file holding the server's console output */
    public Path logFile() {
        return logFile;
    }

    /** @return the whole server log so far */
    public String log() {
        return KeycloakDistribution.read(logFile);
    }

    /**
     * @param lines how many lines
     * @return the last lines of the server log
     */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself, or during shutdown: nothing to remove.
        }
    }

    private synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        KeycloakDistribution.log("stopping (pid " + process.pid() + ")");
        stopTree(process.toHandle());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // kc.sh traps SIGTERM and forwards it to the JVM it started; the JVM's own handle is stopped too in
    // case the script is gone, and anything left after the grace period is killed.
    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }
}
