package io.mynagate.jpki.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

/** Where a CRL is loaded from: an HTTP URL, a file (DER or PEM), or a CRL given in memory. */
interface CrlLocation {

    /** @return the CRL, freshly loaded */
    X509CRL load() throws RevocationCheckException;

    /** @return the URL or file name, for evidence and messages */
    String name();

    static CrlLocation url(URI url, HttpTransport transport) {
        return new CrlLocation() {
            @Override
            public X509CRL load() throws RevocationCheckException {
                try {
                    return parse(transport.exchange(url, null, null), name());
                } catch (IOException e) {
                    throw new RevocationCheckException("CRL " + name() + " unavailable: " + e.getMessage(), e);
                }
            }

            @Override
            public String name() {
                return url.toString();
            }
        };
    }

    static CrlLocation file(Path file) {
        return new CrlLocation() {
            @Override
            public X509CRL load() throws RevocationCheckException {
                try {
                    return parse(Files.readAllBytes(file), name());
                } catch (IOException e) {
                    throw new RevocationCheckException("CRL file " + name() + " unreadable", e);
                }
            }

            @Override
            public String name() {
                return file.getFileName().toString();
            }
        };
    }

    static CrlLocation fixed(X509CRL crl) {
        return new CrlLocation() {
            @Override
            public X509CRL load() {
                return crl;
            }

            @Override
            public String name() {
                return "configured CRL of " + crl.getIssuerX500Principal().getName();
            }
        };
    }

    static X509CRL parse(byte[] bytes, String name) throws RevocationCheckException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new RevocationCheckException("CRL " + name + " is malformed", e);
        }
    }
}
