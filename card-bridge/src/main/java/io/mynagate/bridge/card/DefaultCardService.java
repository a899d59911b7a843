package io.mynagate.bridge.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.NoSignatureCertificateException;
import io.mynagate.jpki.card.PinBlockedException;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.profile.CertificateKind;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** The {@link CardService} over jpki's card client; every call is one session, closed (and the card reset) at the end. */
final class DefaultCardService implements CardService {
    private final CardReaders readers;
    private final JpkiCardFinder finder;
    private final Clock clock;

    DefaultCardService(CardReaders readers, JpkiCardFinder finder, Clock clock) {
        this.readers = readers;
        this.finder = finder;
        this.clock = clock;
    }

    @Override
    public List<CardReaders.Reader> readers() throws JpkiException {
        return readers.list();
    }

    @Override
    public CardStatus status() throws JpkiException {
        try (FoundCard card = finder.find()) {
            JpkiCardClient client = card.client();
            return new CardStatus(card.readerName(), client.tokenKind(), client.tokenLabel(),
                    client.triesLeft(PinKind.AUTHENTICATION), signatureTriesLeft(client));
        }
    }

    private static OptionalInt signatureTriesLeft(JpkiCardClient client) throws JpkiException {
        try {
            return OptionalInt.of(client.triesLeft(PinKind.SIGNATURE));
        } catch (NoSignatureCertificateException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public X509Certificate certificate(CertificateKind kind, char[] secret) throws JpkiException {
        Objects.requireNonNull(kind, "kind");
        PinKind pinKind = kind == CertificateKind.SIGNATURE ? PinKind.SIGNATURE : PinKind.AUTHENTICATION;
        if (secret != null || pinKind == PinKind.SIGNATURE) {
            pinKind.checkFormat(secret);
        }
        try (FoundCard card = finder.find()) {
            return read(card.client(), pinKind, secret);
        }
    }

    @Override
    public String sign(AssertionRequest request, char[] secret) throws JpkiException {
        return sign(request, secret, true);
    }

    @Override
    public String sign(AssertionRequest request, char[] secret, boolean lastTryConfirmed) throws JpkiException {
        Objects.requireNonNull(request, "request");
        PinKind pinKind = request.pinKind();
        // Before the card: a PIN that cannot be right must not cost a try, nor even a session.
        pinKind.checkFormat(secret);
        try (FoundCard card = finder.find()) {
            JpkiCardClient client = card.client();
            if (!lastTryConfirmed) {
                checkTriesLeft(client, pinKind);
            }
            X509Certificate certificate = read(client, pinKind, secret);
            // The card signer copies the PIN only now, and wipes its copy once it has signed.
            return request.assertion(clock).certificate(certificate)
                    .sign(digestInfo -> client.signer(pinKind, secret).sign(digestInfo));
        }
    }

    /** In the signing session, before any PIN is sent: a blocked PIN, or a last try not confirmed, ends it. */
    private static void checkTriesLeft(JpkiCardClient client, PinKind pinKind) throws JpkiException {
        int left = client.triesLeft(pinKind);
        if (left == 0) {
            throw new PinBlockedException(pinKind);
        }
        if (left == 1) {
            throw new LastTryNotConfirmedException(pinKind);
        }
    }

    /**
     * The certificate of the key {@code pinKind} unlocks. The signature certificate needs the password;
     * a smartphone releases its authentication certificate only after the PIN, a card for free (and then
     * no VERIFY is sent, so a wrong PIN is found by the signature alone: one try, not two).
     */
    private static X509Certificate read(JpkiCardClient client, PinKind pinKind, char[] secret) throws JpkiException {
        if (pinKind == PinKind.SIGNATURE) {
            return client.readSignatureCertificate(secret);
        }
        if (secret != null && client.tokenKind().isSmartphone()) {
            return client.readAuthenticationCertificate(secret);
        }
        return client.readAuthenticationCertificate();
    }
}
