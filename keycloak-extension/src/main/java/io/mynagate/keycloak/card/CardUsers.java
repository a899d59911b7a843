package io.mynagate.keycloak.card;

import io.mynagate.jpki.identity.CertificateId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The users of card logins, without personal data: found by the attribute {@value #ATTRIBUTE} holding
 * the keyed certificate id ({@link CertificateId}); created on a card's first login with a random
 * username ({@value #USERNAME_PREFIX} and 128 random bits in hex), no name, no e-mail and no attribute
 * but that one. Thread-safe.
 */
final class CardUsers {
    /** The user attribute holding the keyed certificate id. */
    static final String ATTRIBUTE = "myna.certificateId";
    /** Every created username starts with this. */
    static final String USERNAME_PREFIX = "myna-";

    private static final Logger LOG = Logger.getLogger(CardUsers.class);
    private static final int USERNAME_RANDOM_BYTES = 16;

    private final SecureRandom random;

    CardUsers(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @return the user holding {@code id}, if any
     * @throws DuplicateUsersException when more than one user holds it
     */
    Optional<UserModel> find(KeycloakSession session, RealmModel realm, CertificateId id) {
        List<UserModel> users = session.users().searchForUserByUserAttributeStream(realm, ATTRIBUTE, id.value())
                .limit(2).toList();
        if (users.size() > 1) {
            throw new DuplicateUsersException();
        }
        return users.stream().findFirst();
    }

    /** @return a new enabled user holding {@code id} and nothing else */
    UserModel create(KeycloakSession session, RealmModel realm, CertificateId id) {
        String username = USERNAME_PREFIX + HexFormat.of().formatHex(randomBytes());
        UserModel user = session.users().addUser(realm, username);
        user.setEnabled(true);
        user.setSingleAttribute(ATTRIBUTE, id.value());
        LOG.debugf("realm %s: created user %s for certificate id %s", realm.getName(), user.getId(), id.value());
        return user;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[USERNAME_RANDOM_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** More than one user holds one certificate id: someone edited the attribute, or two first logins raced. */
    static final class DuplicateUsersException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DuplicateUsersException() {
            super("more than one user holds this certificate id (attribute " + ATTRIBUTE + ")");
        }
    }
}
