package io.mynagate.keycloak.card;

import io.mynagate.jpki.identity.CertificateIdKey;
import io.mynagate.jpki.login.LoginVerifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Parsed configurations and their built verifiers, one per authenticator config, kept for the life of
 * the server: parsing PEM on every request would be waste, and the revocation cache lives in the
 * verifier. An entry is rebuilt when the admin changes the config's settings or the realm's
 * certificate-id secret changes. Thread-safe.
 */
final class PreparedVerifiers {
    private static final Logger LOG = Logger.getLogger(PreparedVerifiers.class);

    /** A configuration, the realm's certificate-id key and the verifier built from both. */
    record Prepared(CardAuthenticatorConfig config, CertificateIdKey idKey, LoginVerifier verifier) {}

    private record Entry(Map<String, String> settings, String storedSecret, Prepared prepared) {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param configId the authenticator config's id
     * @param realmName for the warning log of weakening settings
     * @param settings the config's current settings
     * @param storedSecret the realm's certificate-id secret attribute ({@link CertificateIdSecret})
     * @return the prepared configuration
     * @throws InvalidCardConfigException when the settings are wrong (nothing is cached then)
     * @throws CertificateIdSecret.CorruptSecretException when the stored secret is not valid
     */
    Prepared get(String configId, String realmName, Map<String, String> settings, String storedSecret) {
        Entry entry = entries.get(configId);
        if (entry != null && entry.settings().equals(settings) && entry.storedSecret().equals(storedSecret)) {
            return entry.prepared();
        }
        Map<String, String> snapshot = Map.copyOf(settings);
        CardAuthenticatorConfig config = CardAuthenticatorConfig.parse(snapshot);
        CertificateIdKey idKey = CertificateIdSecret.decode(storedSecret, realmName);
        Prepared prepared = new Prepared(config, idKey, config.loginVerifier(idKey));
        warnAboutWeakenings(realmName, configId, config);
        entries.put(configId, new Entry(snapshot, storedSecret, prepared));
        return prepared;
    }

    void clear() {
        entries.clear();
    }

    private static void warnAboutWeakenings(String realmName, String configId, CardAuthenticatorConfig config) {
        if (config.allowTestRoots()) {
            LOG.warnf("realm %s, card authenticator config %s: %s is on: O=JPKI-TEST roots are accepted."
                    + " For development only, never in production", realmName, configId,
                    CardAuthenticatorConfig.ALLOW_TEST_ROOTS);
        }
        if (config.revocationFailOpen()) {
            LOG.warnf("realm %s, card authenticator config %s: %s is on: a login passes when no revocation"
                    + " source answers (revoked and unknown still reject)", realmName, configId,
                    CardAuthenticatorConfig.REVOCATION_FAIL_OPEN);
        }
    }
}
