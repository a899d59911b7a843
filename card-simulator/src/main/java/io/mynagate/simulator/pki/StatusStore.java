package io.mynagate.simulator.pki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code status.properties}: serial (hex) -> {@code kind;generation;cardId;good} or
 * {@code kind;generation;cardId;revoked;epochMillis;REASON}. Re-read on every query, so a revocation
 * made by another process shows up at once. Writers are serialized by {@link TestPki}.
 */
final class StatusStore {
    private final Path file;

    StatusStore(Path file) {
        this.file = file;
    }

    void add(BigInteger serial, CertKind kind, int generation, String cardId) {
        Properties all = PemFiles.readProperties(file);
        all.setProperty(TestPki.hex(serial), kind.id() + ";" + generation + ";" + cardId + ";good");
        PemFiles.writeProperties(file, all, "certificate status");
    }

    void revoke(BigInteger serial, RevocationReason reason, Instant at) {
        Properties all = PemFiles.readProperties(file);
        String entry = all.getProperty(TestPki.hex(serial));
        if (entry == null) {
            throw new IllegalArgumentException("unknown serial");
        }
        String[] f = entry.split(";");
        if (f[3].equals("revoked")) {
            return;
        }
        all.setProperty(TestPki.hex(serial),
                f[0] + ";" + f[1] + ";" + f[2] + ";revoked;" + at.toEpochMilli() + ";" + reason.name());
        PemFiles.writeProperties(file, all, "certificate status");
    }

    CertificateStatus status(CertKind kind, int generation, BigInteger serial) {
        String entry = PemFiles.readProperties(file).getProperty(TestPki.hex(serial));
        if (entry == null) {
            return CertificateStatus.UNKNOWN;
        }
        String[] f = entry.split(";");
        if (!f[0].equals(kind.id()) || Integer.parseInt(f[1]) != generation) {
            return CertificateStatus.UNKNOWN;
        }
        return parse(f);
    }

    Map<BigInteger, CertificateStatus> revoked(CertKind kind, int generation) {
        Map<BigInteger, CertificateStatus> revoked = new TreeMap<>();
        PemFiles.readProperties(file).forEach((key, value) -> {
            String[] f = ((String) value).split(";");
            if (f[0].equals(kind.id()) && Integer.parseInt(f[1]) == generation && f[3].equals("revoked")) {
                revoked.put(new BigInteger((String) key, 16), parse(f));
            }
        });
        return revoked;
    }

    private static CertificateStatus parse(String[] f) {
        if (!f[3].equals("revoked")) {
            return CertificateStatus.GOOD;
        }
        return new CertificateStatus(CertificateStatus.State.REVOKED, Instant.ofEpochMilli(Long.parseLong(f[4])),
                RevocationReason.valueOf(f[5]));
    }
}
