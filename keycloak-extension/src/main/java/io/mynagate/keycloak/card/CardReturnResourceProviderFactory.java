package io.mynagate.keycloak.card;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Registers the card bridge's way back into the login ({@link CardReturnResource}) under
 * {@code /realms/{realm}/}{@value #ID}, on the realm's own origin (SPI {@code realm-restapi-extension},
 * {@code META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory}).
 */
public final class CardReturnResourceProviderFactory implements RealmResourceProviderFactory {
    /** The provider id and the path segment below the realm. */
    public static final String ID = "myna-card";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new CardReturnResource(session);
            }

            @Override
            public void close() {
                // Nothing per request.
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        // No server-wide settings.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public String getId() {
        return ID;
    }
}
