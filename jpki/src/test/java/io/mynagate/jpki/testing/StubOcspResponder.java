package io.mynagate.jpki.testing;

import io.mynagate.jpki.validation.HttpTransport;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An in-process OCSP responder behind {@link HttpTransport}, made with Bouncy Castle, with knobs to
 * produce every bad response a client must reject: wrong signer, no nonce, wrong nonce, stale, future,
 * non-successful status, garbage bytes, a response about another certificate.
 */
public final class StubOcspResponder implements HttpTransport {
    private final X509Certificate signer;
    private final PrivateKey signerKey;
    private Set<BigInteger> revoked = Set.of();
    private Set<BigInteger> unknown = Set.of();
    private boolean includeSignerCertificate;
    private NonceMode nonceMode = NonceMode.ECHO;
    private Duration thisUpdateOffset = Duration.ofMinutes(-1);
    private Duration nextUpdateOffset = Duration.ofMinutes(10);
    private boolean omitNextUpdate;
    private int responseStatus = OCSPRespBuilder.SUCCESSFUL;
    private byte[] rawResponse;
    private BigInteger answerForSerial;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<URI> uris = new ArrayList<>();

    /** How the stub treats the request nonce. */
    public enum NonceMode { ECHO, OMIT, WRONG }

    /**
     * @param signer the certificate whose key signs responses (the CA for direct, a responder for delegated)
     * @param signerKey its private key
     */
    public StubOcspResponder(X509Certificate signer, PrivateKey signerKey) {
        this.signer = signer;
        this.signerKey = signerKey;
    }

    /** Signs with the issued certificate's key. */
    public static StubOcspResponder signedBy(TestPki.Issued signer) {
        return new StubOcspResponder(signer.certificate(), signer.privateKey());
    }

    public StubOcspResponder revoked(BigInteger... serials) {
        this.revoked = Set.of(serials);
        return this;
    }

    public StubOcspResponder unknown(BigInteger... serials) {
        this.unknown = Set.of(serials);
        return this;
    }

    /** Puts the signer's certificate into the response (needed for delegated responders). */
    public StubOcspResponder includeSignerCertificate() {
        this.includeSignerCertificate = true;
        return this;
    }

    public StubOcspResponder nonce(NonceMode mode) {
        this.nonceMode = mode;
        return this;
    }

    /** thisUpdate and nextUpdate relative to now. */
    public StubOcspResponder updates(Duration thisUpdate, Duration nextUpdate) {
        this.thisUpdateOffset = thisUpdate;
        this.nextUpdateOffset = nextUpdate;
        return this;
    }

    public StubOcspResponder omitNextUpdate() {
        this.omitNextUpdate = true;
        return this;
    }

    /** A non-successful OCSPResponseStatus (e.g. {@link OCSPRespBuilder#TRY_LATER}). */
    public StubOcspResponder responseStatus(int status) {
        this.responseStatus = status;
        return this;
    }

    /** Answers these bytes to every request. */
    public StubOcspResponder raw(byte[] bytes) {
        this.rawResponse = bytes.clone();
        return this;
    }

    /** Answers about this serial instead of the requested one. */
    public StubOcspResponder answerFor(BigInteger serial) {
        this.answerForSerial = serial;
        return this;
    }

    /** @return how many requests arrived */
    public int requests() {
        return requests.get();
    }

    /** @return the URIs requests were sent to */
    public List<URI> uris() {
        return List.copyOf(uris);
    }

    @Override
    public synchronized byte[] exchange(URI uri, byte[] body, String contentType) throws IOException {
        requests.incrementAndGet();
        uris.add(uri);
        if (rawResponse != null) {
            return rawResponse.clone();
        }
        try {
            if (responseStatus != OCSPRespBuilder.SUCCESSFUL) {
                return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
            }
            OCSPReq request = new OCSPReq(body);
            Instant now = Instant.now();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(new JcaX509CertificateHolder(signer).getSubject()));
            for (Req req : request.getRequestList()) {
                CertificateID id = req.getCertID();
                if (answerForSerial != null) {
                    id = CertificateID.deriveCertificateID(req.getCertID(), answerForSerial);
                }
                builder.addResponse(id, status(id.getSerialNumber(), now), Date.from(now.plus(thisUpdateOffset)),
                        omitNextUpdate ? null : Date.from(now.plus(nextUpdateOffset)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonceMode == NonceMode.ECHO && nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            } else if (nonceMode == NonceMode.WRONG) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(new byte[32]).getEncoded())));
            }
            X509CertificateHolder[] chain = includeSignerCertificate
                    ? new X509CertificateHolder[] {new JcaX509CertificateHolder(signer)}
                    : null;
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signerKey), chain, Date.from(now)))
                    .getEncoded();
        } catch (Exception e) {
            throw new IOException("stub responder failed: " + e, e);
        }
    }

    private CertificateStatus status(BigInteger serial, Instant now) {
        if (revoked.contains(serial)) {
            return new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        if (unknown.contains(serial)) {
            return new UnknownStatus();
        }
        return CertificateStatus.GOOD;
    }
}
