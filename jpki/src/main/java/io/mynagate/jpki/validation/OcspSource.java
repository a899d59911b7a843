package io.mynagate.jpki.validation;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * RFC 6960 OCSP client: one request per check with a fresh nonce, then in order: response status,
 * nonce echo, responder authorization and signature ({@link OcspResponderCheck}), the single response
 * for our certificate, {@code thisUpdate}/{@code nextUpdate} freshness, status.
 */
final class OcspSource implements RevocationSource {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 32;

    private final URI responderUrl;
    private final OcspResponderCheck responderCheck;
    private final HttpTransport transport;
    private final Duration clockSkew;
    private final Duration maxAgeWithoutNextUpdate;
    private final boolean nonceRequired;
    private final DigestCalculatorProvider digests;

    OcspSource(URI responderUrl, X509Certificate designatedResponder, HttpTransport transport,
            Duration clockSkew, Duration maxAgeWithoutNextUpdate, boolean nonceRequired) {
        this.responderUrl = responderUrl;
        this.responderCheck = new OcspResponderCheck(designatedResponder);
        this.transport = transport;
        this.clockSkew = clockSkew;
        this.maxAgeWithoutNextUpdate = maxAgeWithoutNextUpdate;
        this.nonceRequired = nonceRequired;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at)
            throws RevocationCheckException {
        URI url = responderUrl != null ? responderUrl : AuthorityInfoAccess.ocspUrl(certificate);
        X509CertificateHolder issuerHolder = holder(issuer);
        CertificateID id = certificateId(issuerHolder, certificate);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] nonceExtensionValue = encodeNonce(nonce);

        BasicOCSPResp response = parse(send(url, request(id, nonceExtensionValue)));
        boolean nonceChecked = checkNonce(response, nonceExtensionValue);
        OcspResponderCheck.Signer signer = responderCheck.authenticate(response, issuer, at);
        SingleResp single = findSingle(response, id, issuerHolder);
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        checkFreshness(thisUpdate, nextUpdate, at);

        OcspEvidence evidence = new OcspEvidence(signer.name(), signer.delegated(),
                response.getProducedAt().toInstant(), thisUpdate, nextUpdate, nonceChecked);
        return new RevocationStatus(state(single.getCertStatus()), evidence);
    }

    private static X509CertificateHolder holder(X509Certificate issuer) throws RevocationCheckException {
        try {
            return new JcaX509CertificateHolder(issuer);
        } catch (CertificateEncodingException e) {
            throw new RevocationCheckException("issuer certificate cannot be encoded", e);
        }
    }

    private CertificateID certificateId(X509CertificateHolder issuer, X509Certificate certificate)
            throws RevocationCheckException {
        try {
            // SHA-1 CertID: what RFC 6960 responders (and openssl ocsp) are required to match.
            return new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, certificate.getSerialNumber());
        } catch (OCSPException | OperatorCreationException e) {
            throw new RevocationCheckException("cannot build OCSP CertID", e);
        }
    }

    /** RFC 8954: the nonce extension's extnValue is a DER OCTET STRING holding the nonce. */
    private static byte[] encodeNonce(byte[] nonce) throws RevocationCheckException {
        try {
            return new DEROctetString(nonce).getEncoded();
        } catch (IOException e) {
            throw new RevocationCheckException("cannot encode OCSP nonce", e);
        }
    }

    private static byte[] request(CertificateID id, byte[] nonceExtensionValue) throws RevocationCheckException {
        try {
            OCSPReq req = new OCSPReqBuilder()
                    .addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(
                            OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonceExtensionValue)))
                    .build();
            return req.getEncoded();
        } catch (OCSPException | IOException e) {
            throw new RevocationCheckException("cannot build OCSP request", e);
        }
    }

    private byte[] send(URI url, byte[] request) throws RevocationCheckException {
        try {
            return transport.exchange(url, request, "application/ocsp-request");
        } catch (IOException e) {
            throw new RevocationCheckException("OCSP responder " + url.getHost() + ":" + url.getPort()
                    + " unavailable: " + e.getMessage(), e);
        }
    }

    private static BasicOCSPResp parse(byte[] bytes) throws RevocationCheckException {
        try {
            OCSPResp resp = new OCSPResp(bytes);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationCheckException("OCSP responder refused: " + statusName(resp.getStatus()));
            }
            Object object = resp.getResponseObject();
            if (!(object instanceof BasicOCSPResp)) {
                throw new RevocationCheckException("OCSP response is not a basic response");
            }
            return (BasicOCSPResp) object;
        } catch (IOException | OCSPException | RuntimeException e) {
            throw new RevocationCheckException("malformed OCSP response", e);
        }
    }

    private static String statusName(int status) {
        switch (status) {
            case OCSPResp.MALFORMED_REQUEST: return "malformedRequest";
            case OCSPResp.INTERNAL_ERROR: return "internalError";
            case OCSPResp.TRY_LATER: return "tryLater";
            case OCSPResp.SIG_REQUIRED: return "sigRequired";
            case OCSPResp.UNAUTHORIZED: return "unauthorized";
            default: return "status " + status;
        }
    }

    private boolean checkNonce(BasicOCSPResp response, byte[] expected) throws RevocationCheckException {
        Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            if (nonceRequired) {
                throw new RevocationCheckException("OCSP response does not echo the request nonce");
            }
            return false;
        }
        if (!MessageDigest.isEqual(echoed.getExtnValue().getOctets(), expected)) {
            throw new RevocationCheckException("OCSP response nonce does not match the request");
        }
        return true;
    }

    private SingleResp findSingle(BasicOCSPResp response, CertificateID id, X509CertificateHolder issuer)
            throws RevocationCheckException {
        for (SingleResp single : response.getResponses()) {
            CertificateID candidate = single.getCertID();
            try {
                if (candidate.getSerialNumber().equals(id.getSerialNumber())
                        && candidate.matchesIssuer(issuer, digests)) {
                    return single;
                }
            } catch (OCSPException e) {
                // A CertID with a hash we cannot compute is not ours; keep looking.
            }
        }
        throw new RevocationCheckException("OCSP response has no answer for the requested certificate");
    }

    private void checkFreshness(Instant thisUpdate, Instant nextUpdate, Instant at)
            throws RevocationCheckException {
        if (thisUpdate.isAfter(at.plus(clockSkew))) {
            throw new RevocationCheckException("OCSP thisUpdate " + thisUpdate + " is after the validation time");
        }
        Instant currentUntil = nextUpdate != null ? nextUpdate : thisUpdate.plus(maxAgeWithoutNextUpdate);
        if (at.isAfter(currentUntil.plus(clockSkew))) {
            throw new RevocationCheckException("OCSP response is stale: current until " + currentUntil);
        }
    }

    private static RevocationStatus.State state(CertificateStatus status) {
        if (status == CertificateStatus.GOOD) {
            return RevocationStatus.State.GOOD;
        }
        if (status instanceof RevokedStatus) {
            return RevocationStatus.State.REVOKED;
        }
        // UnknownStatus, and anything a future BC version might add, is not "good".
        return RevocationStatus.State.UNKNOWN;
    }
}
