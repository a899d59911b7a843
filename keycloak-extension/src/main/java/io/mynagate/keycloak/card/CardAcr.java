package io.mynagate.keycloak.card;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Records the {@code acr} a card login earns the way Keycloak's own step-up authentication does: as
 * the level of authentication (LoA) of this login ({@link AcrStore}), which Keycloak copies into the
 * client session and its {@code oidc-acr-mapper} turns back into the {@code acr} claim through the
 * client's or the realm's {@code acr.loa.map}. So the configured {@code acr} value must be a key of that
 * map (for example {@code {"myna-card": 2}}); when it is not, the login still succeeds, the token carries
 * Keycloak's default {@code acr} ({@code 1}), and a warning says what to add (once per client).
 */
final class CardAcr {
    private static final Logger LOG = Logger.getLogger(CardAcr.class);
    private static final int MAX_WARNED = 1_000;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private CardAcr() {}

    /** @return whether the level was recorded */
    static boolean record(KeycloakSession session, AuthenticationSessionModel authSession, String acrValue) {
        ClientModel client = authSession.getClient();
        Map<String, Integer> levels = AcrUtils.getAcrLoaMap(client);
        Integer level = levels.get(acrValue);
        if (level == null) {
            String key = client.getRealm().getId() + "/" + client.getId() + "/" + acrValue;
            if (WARNED.size() < MAX_WARNED && WARNED.add(key)) {
                LOG.warnf("realm %s, client %s: the card login's acr value '%s' is not in the acr.loa.map of the"
                        + " client or the realm, so tokens carry Keycloak's default acr; add e.g. {\"%s\": 2}",
                        client.getRealm().getName(), client.getClientId(), acrValue, acrValue);
            }
            return false;
        }
        new AcrStore(session, authSession).setLevelAuthenticated(level);
        return true;
    }
}
