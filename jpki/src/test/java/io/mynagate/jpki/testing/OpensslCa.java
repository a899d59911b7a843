package io.mynagate.jpki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Revocation material made by OpenSSL, a stack we did not write: an {@code openssl ca} database
 * ({@code index.txt}) that we fill, CRLs from {@code openssl ca -gencrl}, and running
 * {@code openssl ocsp} responders. Needs the {@code openssl} command; every method fails (never skips)
 * when it is missing. {@link #close()} kills the responders this instance started.
 */
public final class OpensslCa implements AutoCloseable {
    private static final DateTimeFormatter INDEX_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final TestPki.Issued ca;
    private final List<String> index = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    /**
     * @param dir an empty working directory
     * @param ca the CA whose database this is
     */
    public OpensslCa(Path dir, TestPki.Issued ca) {
        this.dir = dir;
        this.ca = ca;
        requireOpenssl();
        write("ca.pem", pem(ca.certificate()));
        write("ca.key", pem(ca.privateKey()));
        write("crlnumber", "1000\n");
        write("ca.cnf", String.join("\n",
                "[ ca ]", "default_ca = CA_default",
                "[ CA_default ]", "database = " + dir.resolve("index.txt"), "crlnumber = " + dir.resolve("crlnumber"),
                "default_md = sha256", "default_crl_days = 1", "crl_extensions = crl_ext",
                "[ crl_ext ]", "authorityKeyIdentifier = keyid:always", ""));
        writeIndex();
    }

    /** Fails the calling test when {@code openssl} cannot run. */
    public static void requireOpenssl() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("openssl is required for this test but 'openssl version' failed");
            }
        } catch (IOException e) {
            throw new AssertionError("openssl is required for this test but is not installed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Records {@code certificate} as issued and valid. */
    public OpensslCa issued(X509Certificate certificate) {
        index.add(line("V", certificate, ""));
        writeIndex();
        return this;
    }

    /** Records {@code certificate} as revoked an hour ago. */
    public OpensslCa revoked(X509Certificate certificate) {
        index.add(line("R", certificate, INDEX_TIME.format(Instant.now().minus(Duration.ofHours(1)))));
        writeIndex();
        return this;
    }

    /** Runs {@code openssl ca -gencrl} and returns the PEM CRL file (nextUpdate in one day). */
    public Path generateCrl() {
        Path crl = dir.resolve("crl.pem");
        run(List.of("openssl", "ca", "-batch", "-config", dir.resolve("ca.cnf").toString(), "-gencrl",
                "-keyfile", dir.resolve("ca.key").toString(), "-cert", dir.resolve("ca.pem").toString(),
                "-out", crl.toString()));
        return crl;
    }

    /**
     * Starts {@code openssl ocsp} as a responder on a free loopback port, answering from the database with
     * {@code nextUpdate} five minutes ahead.
     *
     * @param signer the responder certificate and key ({@code -rsigner}): the CA itself for a direct
     *     responder, an id-kp-OCSPSigning certificate for a delegated one
     * @return the responder URL
     */
    public URI startOcspResponder(TestPki.Issued signer) {
        String name = "rsigner-" + signer.certificate().getSerialNumber().toString(16);
        write(name + ".pem", pem(signer.certificate()));
        write(name + ".key", pem(signer.privateKey()));
        int port = freePort();
        try {
            Process process = new ProcessBuilder("openssl", "ocsp", "-index", dir.resolve("index.txt").toString(),
                    "-port", Integer.toString(port), "-CA", dir.resolve("ca.pem").toString(),
                    "-rsigner", dir.resolve(name + ".pem").toString(), "-rkey", dir.resolve(name + ".key").toString(),
                    "-nmin", "5", "-ignore_err")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            processes.add(process);
            awaitListening(process, dir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return a loopback URL where nothing listens (a responder that is down) */
    public static URI downUrl() {
        return URI.create("http://127.0.0.1:" + freePort() + "/");
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** openssl prints this line once its socket listens. */
    private static void awaitListening(Process process, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String text = read(log);
            if (text.contains("waiting for OCSP client connections")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("openssl ocsp exited with " + process.exitValue() + ": " + text);
            }
            sleep();
        }
        throw new AssertionError("openssl ocsp did not start: " + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void run(List<String> command) {
        try {
            // Output goes to a file and stdin is empty, so a command that prompts or hangs runs
            // into the timeout instead of blocking the read forever.
            java.io.File log = java.io.File.createTempFile("openssl", ".log");
            log.deleteOnExit();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(log).start();
            boolean finished = process.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            if (!finished || process.exitValue() != 0) {
                String output = java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8);
                throw new AssertionError(String.join(" ", command)
                        + (finished ? " failed: " : " did not finish: ") + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String line(String state, X509Certificate certificate, String revokedAt) {
        String serial = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        if (serial.length() % 2 != 0) {
            serial = "0" + serial;
        }
        return state + "\t" + INDEX_TIME.format(certificate.getNotAfter().toInstant()) + "\t" + revokedAt + "\t"
                + serial + "\tunknown\t/CN=test-" + serial + "\n";
    }

    private void writeIndex() {
        write("index.txt", String.join("", index));
    }

    private void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the PEM text of a certificate */
    public static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the PKCS#8 PEM text of a private key */
    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

}
