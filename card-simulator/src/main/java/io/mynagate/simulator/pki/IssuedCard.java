package io.mynagate.simulator.pki;

import io.mynagate.simulator.card.CardInfo;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.card.SimulatedCardBuilder;
import io.mynagate.simulator.card.TokenType;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * One issued card as stored in the PKI directory: its certificates and keys, PINs and the
 * card-info contents. {@code toString()} is redacted.
 */
public final class IssuedCard {
    private final String id;
    private final CardRequest request;
    private final String myNumber;
    private final X509Certificate authCertificate;
    private final PrivateKey authKey;
    private final X509Certificate authCa;
    private final X509Certificate signatureCertificate;
    private final PrivateKey signatureKey;
    private final X509Certificate signatureCa;

    IssuedCard(String id, CardRequest request, String myNumber, X509Certificate authCertificate, PrivateKey authKey,
            X509Certificate authCa, X509Certificate signatureCertificate, PrivateKey signatureKey,
            X509Certificate signatureCa) {
        this.id = id;
        this.request = request;
        this.myNumber = myNumber;
        this.authCertificate = authCertificate;
        this.authKey = authKey;
        this.authCa = authCa;
        this.signatureCertificate = signatureCertificate;
        this.signatureKey = signatureKey;
        this.signatureCa = signatureCa;
    }

    /** The card id printed by {@code card issue}. Not personal data. */
    public String id() {
        return id;
    }

    /** What the card was issued for (PINs and attributes). */
    public CardRequest request() {
        return request;
    }

    /** The current user-authentication certificate. */
    public X509Certificate authCertificate() {
        return authCertificate;
    }

    /** The root that issued {@link #authCertificate()}. */
    public X509Certificate authCaCertificate() {
        return authCa;
    }

    /** The current signature certificate; empty for a resident under 15. */
    public Optional<X509Certificate> signatureCertificate() {
        return Optional.ofNullable(signatureCertificate);
    }

    /** The root that issued the signature certificate; empty when there is none. */
    public Optional<X509Certificate> signatureCaCertificate() {
        return Optional.ofNullable(signatureCa);
    }

    /** A fresh virtual card holding this card's keys (retry counters full unless issued blocked). */
    public SimulatedCard toSimulatedCard() {
        SimulatedCardBuilder builder = SimulatedCard.builder()
                .authentication(authCertificate, authCa, authKey)
                .authPin(request.pin())
                .authPinTriesLeft(request.authPinBlocked() ? 0 : 3)
                .tokenType(request.tokenType());
        if (signatureCertificate != null) {
            builder.signature(signatureCertificate, signatureCa, signatureKey)
                    .signaturePassword(request.signaturePassword());
        }
        if (request.tokenType() == TokenType.CARD) {
            builder.cardInfo(new CardInfo(myNumber, request.name(), request.address(), request.birth(), request.sex(),
                    request.pin()));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "IssuedCard[" + id + "]";
    }
}
