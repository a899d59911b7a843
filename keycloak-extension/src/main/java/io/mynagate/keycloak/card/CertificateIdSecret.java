package io.mynagate.keycloak.card;

import io.mynagate.jpki.identity.CertificateIdKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The realm's secret for certificate ids ({@link CertificateIdKey}): 32 random bytes, kept as the realm
 * attribute {@value #ATTRIBUTE} (base64url without padding), made with {@link SecureRandom} the first
 * time a realm needs it.
 *
 * <p>Why a realm attribute: the id must stay the same for as long as the user exists, so the secret
 * cannot come from the realm's keys (they rotate); it moves with the realm in an export and import, so
 * a restored realm still finds its users; and it needs no table of our own. The price: realm
 * administrators can read it through the admin API, as they can read the users themselves. What the
 * secret protects against is joining the stored ids with other systems' records, which needs it.
 *
 * <p>Deleting the attribute makes a new secret on the next login page, and every stored id changes with
 * it: treat the attribute like a key.
 *
 * <p>First use on several nodes at once: the secret is written in a transaction of its own; the
 * realm-attribute row is unique per realm and name, so of two concurrent first writers one fails and
 * then reads the winner's value. Thread-safe, stateless.
 */
final class CertificateIdSecret {
    /** The realm attribute holding the secret. */
    static final String ATTRIBUTE = "myna.certificateIdSecret";

    private static final Logger LOG = Logger.getLogger(CertificateIdSecret.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random;

    CertificateIdSecret(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param session the request's session
     * @param realm the realm, never {@code null}
     * @return the realm attribute's value, created on first use; {@link #decode(String, String)} makes the key
     */
    String storedSecret(KeycloakSession session, RealmModel realm) {
        String stored = realm.getAttribute(ATTRIBUTE);
        return stored != null ? stored : createOnce(session, realm.getId());
    }

    private String createOnce(KeycloakSession session, String realmId) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    inner -> {
                        RealmModel realm = inner.realms().getRealm(realmId);
                        String existing = realm.getAttribute(ATTRIBUTE);
                        if (existing != null) {
                            return existing;
                        }
                        String created = ENCODER.encodeToString(newSecret());
                        realm.setAttribute(ATTRIBUTE, created);
                        LOG.infof("realm %s: created its certificate-id secret (realm attribute %s)",
                                realm.getName(), ATTRIBUTE);
                        return created;
                    });
        } catch (RuntimeException concurrentFirstWrite) {
            LOG.debugf(concurrentFirstWrite, "certificate-id secret: another writer was first, reading its value");
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    inner -> Objects.requireNonNull(inner.realms().getRealm(realmId).getAttribute(ATTRIBUTE),
                            "certificate-id secret missing after a failed first write"));
        }
    }

    private byte[] newSecret() {
        byte[] secret = new byte[CertificateIdKey.MIN_SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /**
     * @param stored the realm attribute's value
     * @param realmName for the message
     * @return the certificate-id key under that secret
     * @throws CorruptSecretException when the value is not a secret this class made (someone edited it:
     *     every user's id would change, so refuse rather than repair)
     */
    static CertificateIdKey decode(String stored, String realmName) {
        byte[] secret;
        try {
            secret = DECODER.decode(stored);
        } catch (IllegalArgumentException e) {
            throw new CorruptSecretException("realm " + realmName + ": attribute " + ATTRIBUTE + " is not base64url");
        }
        if (secret.length < CertificateIdKey.MIN_SECRET_BYTES) {
            throw new CorruptSecretException("realm " + realmName + ": attribute " + ATTRIBUTE
                    + " holds fewer than " + CertificateIdKey.MIN_SECRET_BYTES + " bytes");
        }
        return CertificateIdKey.of(secret);
    }

    /** The realm attribute exists but is not a secret this class made. */
    static final class CorruptSecretException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CorruptSecretException(String message) {
            super(message);
        }
    }
}
