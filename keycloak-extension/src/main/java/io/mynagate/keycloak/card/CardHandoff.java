package io.mynagate.keycloak.card;

import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.handoff.HandoffRequest;
import io.mynagate.jpki.handoff.HandoffRequestException;
import io.mynagate.jpki.handoff.HandoffSigner;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.SignatureException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The hand-off to the card bridge (docs/handoff-request.md): a one-time nonce of
 * {@value #NONCE_BYTES} random bytes in the authentication session's note {@value #NONCE_NOTE}, and
 * the hand-off request that carries it, signed with the realm's active RS256 key through Keycloak's
 * own {@link SignatureProvider} (the key never leaves Keycloak's key manager; the bridge checks the
 * signature against the realm's JWK set by the {@code kid}).
 *
 * <p>Every rendering of the card page issues a new nonce and so replaces the earlier one: only the
 * latest hand-off of a login can succeed, and an answer to an older one (a reloaded page, a second
 * look at the bridge) is refused as a nonce mismatch. The nonce is removed at its first use
 * ({@link #takeNonce}), whatever the outcome. Thread-safe.
 */
final class CardHandoff {
    /** Authentication-session note: the nonce the card must sign for this login. */
    static final String NONCE_NOTE = "myna.card.nonce";
    /** Authentication-session note: the card assertion posted back by the return page, until read. */
    static final String ASSERTION_NOTE = "myna.card.assertion";
    /** 256 bits: the least the hand-off request format accepts. */
    static final int NONCE_BYTES = 32;
    /**
     * How long the bridge accepts the request: enough to start the bridge and follow the link. The PIN
     * may take longer; the card assertion carries its own time ({@code iat}), checked on return.
     */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(2);
    /** The bridge's path that takes a hand-off request by top-level navigation. */
    static final String BRIDGE_PATH = "/handoff";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    CardHandoff(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Issues a new nonce for this login (replacing any earlier one) and makes the link to the bridge.
     *
     * @param session the request's session
     * @param authSession this login's authentication session
     * @param issuer the realm's issuer URL, as in its tokens
     * @param bridgeUrl the configured bridge URL
     * @return {@code <bridgeUrl>/handoff?request=<JWS>}
     * @throws NoSigningKeyException when the realm has no active RS256 key
     * @throws HandoffRequestException {@code signing_failed} when the key manager did not sign
     */
    URI issue(KeycloakSession session, AuthenticationSessionModel authSession, String issuer, URI bridgeUrl)
            throws HandoffRequestException {
        String nonce = newNonce();
        ClientModel client = authSession.getClient();
        String request = HandoffRequest.builder()
                .issuer(issuer)
                .nonce(nonce)
                .purpose(Purpose.AUTH)
                .clientId(client.getClientId())
                .clientName(displayName(client))
                .returnUri(CardReturnResource.returnUri(issuer, client.getClientId(), authSession.getTabId()))
                .lifetime(REQUEST_LIFETIME)
                .sign(realmSigner(session));
        authSession.setAuthNote(NONCE_NOTE, nonce);
        return bridgeLink(bridgeUrl, request);
    }

    /**
     * Removes and returns this login's nonce: a nonce is compared once only.
     *
     * @return the nonce, or {@code null} when none was issued or it was used already
     */
    static String takeNonce(AuthenticationSessionModel authSession) {
        String nonce = authSession.getAuthNote(NONCE_NOTE);
        authSession.removeAuthNote(NONCE_NOTE);
        return nonce;
    }

    /** @return whether the card page of this login waits for an answer */
    static boolean awaitsAnswer(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NONCE_NOTE) != null;
    }

    /**
     * Removes and returns the posted assertion.
     *
     * @return the assertion, or {@code null} when none was posted since the page was shown
     */
    static String takeAssertion(AuthenticationSessionModel authSession) {
        String assertion = authSession.getAuthNote(ASSERTION_NOTE);
        if (assertion != null) {
            authSession.removeAuthNote(ASSERTION_NOTE);
        }
        return assertion;
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    // The realm's active RS256 key, as for its ID tokens; not session.tokens(), which picks HMAC for
    // Keycloak-internal tokens that the bridge could not verify.
    private static HandoffSigner realmSigner(KeycloakSession session) {
        SignatureSignerContext signer;
        try {
            signer = session.getProvider(SignatureProvider.class, Algorithm.RS256).signer();
        } catch (SignatureException | IllegalStateException e) {
            throw new NoSigningKeyException();
        }
        if (signer == null || signer.getKid() == null || signer.getKid().isEmpty()) {
            throw new NoSigningKeyException();
        }
        return HandoffSigner.of(HandoffRequest.RS256, signer.getKid(), input -> {
            try {
                return signer.sign(input);
            } catch (SignatureException e) {
                throw new GeneralSecurityException("the realm key did not sign", e);
            }
        });
    }

    // The bridge shows this name as "who asks". Keycloak's localized names (${key}) and names the
    // hand-off format refuses (control or format characters, more than 100 characters) fall back to
    // the client id, which the resident at least can compare with the service's address.
    static String displayName(ClientModel client) {
        String name = client.getName();
        if (name == null || name.isBlank() || name.contains("${") || !isDisplayable(name)) {
            return client.getClientId();
        }
        return name.strip();
    }

    private static boolean isDisplayable(String name) {
        return name.codePointCount(0, name.length()) <= 100 && name.codePoints().allMatch(c -> {
            int type = Character.getType(c);
            return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE
                    && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
        });
    }

    // The bridge URL has no query or fragment (Settings checks it); a compact JWS is URL-safe as it is.
    static URI bridgeLink(URI bridgeUrl, String request) {
        String base = bridgeUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + BRIDGE_PATH + "?request=" + request);
    }

    /** The realm has no active RS256 key: the administrator's to fix (Realm settings, Keys). */
    static final class NoSigningKeyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoSigningKeyException() {
            super("the realm has no active RS256 signing key for the hand-off request (Realm settings, Keys)");
        }
    }
}
