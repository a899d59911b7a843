package io.mynagate.jpki.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads certificates from PEM or DER files. */
final class Pem {
    private Pem() {}

    /** @return every certificate in {@code file}, at least one */
    static List<X509Certificate> certificates(Path file) throws InputException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CertificateException | RuntimeException e) {
            throw new InputException(file + " is not a PEM or DER certificate", e);
        }
        if (certificates.isEmpty()) {
            throw new InputException(file + " holds no certificate");
        }
        return certificates;
    }
}
