package io.mynagate.simulator.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The OCSP responder (RFC 6960): POST with {@code application/ocsp-request}, or GET with the
 * base64 request in the path (appendix A.1). Finds the issuing root by issuer key hash, answers
 * good / revoked (time and reason) / unknown, echoes the nonce, and signs with the delegated
 * responder certificate or the root itself.
 */
final class OcspHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(OcspHandler.class.getName());
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final TestPki pki;
    private final FaultSwitch faults;
    private final Supplier<ResponderMode> mode;
    private final DigestCalculatorProvider digests;

    OcspHandler(TestPki pki, FaultSwitch faults, Supplier<ResponderMode> mode) {
        this.pki = pki;
        this.faults = faults;
        this.mode = mode;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            faults.delayIfSlow();
            if (faults.mode() == FaultSwitch.Mode.ERROR) {
                Http.send(exchange, 500, "text/plain", "responder failure (fault switch)".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            OCSPResp response;
            if (faults.mode() == FaultSwitch.Mode.TRY_LATER) {
                response = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null);
            } else {
                response = answer(readRequest(exchange));
            }
            Http.send(exchange, 200, "application/ocsp-response", response.getEncoded());
        } catch (OCSPException e) {
            LOG.log(Level.WARNING, "cannot build OCSP response: {0}", e.getClass().getSimpleName());
        }
    }

    private byte[] readRequest(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readNBytes(MAX_REQUEST_BYTES);
            }
        }
        String path = exchange.getRequestURI().getRawPath();
        String encoded = path.substring(path.indexOf("/ocsp") + "/ocsp".length()).replaceFirst("^/", "");
        try {
            return Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private OCSPResp answer(byte[] der) throws OCSPException {
        OCSPReq request;
        try {
            request = new OCSPReq(der);
        } catch (IOException | RuntimeException e) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
        }
        Req[] items = request.getRequestList();
        if (items.length == 0) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
        }
        Issuer issuer = findIssuer(items[0].getCertID());
        if (issuer == null) {
            // Not one of our roots: this responder is not authoritative (RFC 6960 2.3).
            return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null);
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, sign(issuer, items, request));
    }

    private BasicOCSPResp sign(Issuer issuer, Req[] items, OCSPReq request) throws OCSPException {
        ResponderMode current = mode.get();
        X509Certificate signerCert = current == ResponderMode.DIRECT ? issuer.root
                : pki.responderCertificate(issuer.kind, issuer.generation);
        PrivateKey signerKey = current == ResponderMode.DIRECT ? pki.rootKey(issuer.kind, issuer.generation)
                : pki.responderKey();
        try {
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(signerCert.getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            for (Req item : items) {
                CertificateID id = item.getCertID();
                builder.addResponse(id, statusOf(issuer, id), Date.from(now), Date.from(now.plus(VALIDITY)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = current == ResponderMode.DIRECT ? new X509CertificateHolder[0]
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCert)};
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signerKey), chain, Date.from(now));
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new OCSPException("cannot sign response", e);
        }
    }

    private CertificateStatus statusOf(Issuer issuer, CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(issuer.holder, digests)) {
            return new UnknownStatus();
        }
        io.mynagate.simulator.pki.CertificateStatus status = pki.status(issuer.kind, issuer.generation,
                id.getSerialNumber());
        return switch (status.state()) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(status.revokedAt()), status.reason().code());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private Issuer findIssuer(CertificateID id) throws OCSPException {
        for (CertKind kind : CertKind.values()) {
            for (int generation = 1; generation <= TestPki.GENERATIONS; generation++) {
                X509Certificate root = pki.root(kind, generation);
                try {
                    X509CertificateHolder holder = new JcaX509CertificateHolder(root);
                    if (id.matchesIssuer(holder, digests)) {
                        return new Issuer(kind, generation, root, holder);
                    }
                } catch (CertificateEncodingException e) {
                    throw new OCSPException("bad root", e);
                }
            }
        }
        return null;
    }

    private record Issuer(CertKind kind, int generation, X509Certificate root, X509CertificateHolder holder) {}
}
