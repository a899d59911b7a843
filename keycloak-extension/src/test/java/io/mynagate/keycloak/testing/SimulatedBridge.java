package io.mynagate.keycloak.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mynagate.jpki.assertion.CardAssertion;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.handoff.HandoffRequest;
import io.mynagate.jpki.handoff.HandoffRequestException;
import io.mynagate.jpki.handoff.HandoffRequestVerifier;
import io.mynagate.simulator.pki.CardRequest;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.smartcardio.TerminalFactory;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * What the card bridge does, for tests that drive a login over HTTP: takes the hand-off link from the
 * card page, verifies its request exactly as the bridge does ({@code jpki}'s
 * {@link HandoffRequestVerifier} against the realm's JWK set, http allowed on loopback only), and signs
 * card assertions on the simulator's in-process virtual card (javax.smartcardio), with the PIN as a
 * resident types it into the bridge.
 */
public final class SimulatedBridge {
    /** The card authenticator's default bridge URL. */
    public static final String BRIDGE_URL = "http://127.0.0.1:18450";

    private final HandoffRequestVerifier verifier;

    /** @param issuer the realm's issuer URL, allowed with its JWK set */
    public SimulatedBridge(String issuer) {
        this.verifier = HandoffRequestVerifier.builder()
                .allowIssuer(issuer, URI.create(issuer + "/protocol/openid-connect/certs"))
                .allowHttpOnLoopback()
                .build();
    }

    /**
     * @param cardPage the card login page
     * @return the signed request the page hands to the bridge, verified
     * @throws HandoffRequestException when the bridge would refuse it
     */
    public HandoffRequest accept(String cardPage) throws HandoffRequestException {
        return verifier.verify(requestOf(cardPage));
    }

    /**
     * @param cardPage the card login page
     * @return the compact JWS in its link to the bridge, not verified
     */
    public static String requestOf(String cardPage) {
        String link = Browser.href(cardPage, "myna-card-open-bridge").toString();
        String prefix = BRIDGE_URL + "/handoff?request=";
        if (!link.startsWith(prefix)) {
            throw new AssertionError("the card page does not link to the bridge's hand-off: " + link);
        }
        return link.substring(prefix.length());
    }

    /**
     * Signs a login ({@code auth}) assertion on the card, with the user-authentication certificate and PIN.
     *
     * @param card the card
     * @param audience the {@code aud}, normally the request's issuer
     * @param nonce the request's nonce
     * @return the compact JWS
     */
    public static String signAuth(IssuedCard card, String audience, String nonce) throws Exception {
        JpkiCardClient client = open(card);
        return CardAssertion.builder().audience(audience).nonce(nonce).purpose(Purpose.AUTH)
                .certificate(client.readAuthenticationCertificate())
                .sign(client.signer(PinKind.AUTHENTICATION, card.request().pin().toCharArray()));
    }

    /**
     * An {@code auth} assertion signed with the signature certificate, made by hand as a forged or broken
     * bridge could send it ({@code jpki}'s builder refuses to make one).
     */
    public static String signAuthWithSignatureCertificate(IssuedCard card, String audience, String nonce)
            throws Exception {
        JpkiCardClient client = open(card);
        char[] password = card.request().signaturePassword().toCharArray();
        X509Certificate certificate = client.readSignatureCertificate(password);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(CardAssertion.TYPE))
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(certificate.getEncoded())))
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience).claim("nonce", nonce)
                .claim("purpose", "auth").issueTime(new Date()).build();
        String signingInput = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(signingInput.getBytes(StandardCharsets.US_ASCII));
        byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                hash).getEncoded();
        byte[] signature = client.signer(PinKind.SIGNATURE, password).sign(digestInfo);
        return signingInput + "." + Base64URL.encode(signature);
    }

    /** @return a standard adult's card request (the simulator's default PINs) */
    public static CardRequest adult() {
        return CardRequest.of("山田太郎", "東京都千代田区霞が関1-1", java.time.LocalDate.of(1990, 4, 1), 1);
    }

    private static JpkiCardClient open(IssuedCard card) throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, card.toSimulatedCard(),
                new VirtualCardProvider());
        return JpkiCardClient.open(factory.terminals().list().get(0).connect("*").getBasicChannel());
    }
}
