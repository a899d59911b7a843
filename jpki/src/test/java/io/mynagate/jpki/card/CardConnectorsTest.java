package io.mynagate.jpki.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.Test;

/** Choosing the javax.smartcardio provider by name (the simulator's tests cover jnasmartcardio and VirtualCard). */
class CardConnectorsTest {
    @Test
    void findsARegisteredProviderByName() {
        Provider provider = FakeReaders.provider("RegisteredTestReaders", FakeReaders.TYPE);
        Security.addProvider(provider);
        try {
            assertThat(CardConnectors.terminalFactory("RegisteredTestReaders").getProvider()).isSameAs(provider);
            assertThat(CardConnectors.terminalFactory("RegisteredTestReaders").getType()).isEqualTo(FakeReaders.TYPE);
        } finally {
            Security.removeProvider("RegisteredTestReaders");
        }
    }

    @Test
    void usesTheOneTerminalFactoryTypeAProviderOffers() {
        assertThat(CardConnectors.terminalFactory(FakeReaders.provider("Test", "VirtualThing")).getType())
                .isEqualTo("VirtualThing");
    }

    @Test
    void prefersPcscWhenAProviderOffersSeveralTypes() {
        assertThat(CardConnectors.terminalFactory(FakeReaders.provider("Test", "Another", "PC/SC")).getType())
                .isEqualTo("PC/SC");
    }

    @Test
    void refusesAProviderWithoutTerminalFactory() {
        assertThatThrownBy(() -> CardConnectors.terminalFactory(FakeReaders.provider("NoReaders")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offers no TerminalFactory");
    }

    @Test
    void refusesAnUnknownProviderName() {
        assertThatThrownBy(() -> CardConnectors.forProvider("NoSuchReaders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchReaders");
    }

    @Test
    void refusesJnasmartcardioWhenItIsNotOnTheClassPath() {
        // jpki does not depend on jnasmartcardio; the card bridge does, and the simulator's tests use it.
        assertThatThrownBy(() -> CardConnectors.forProvider(CardConnectors.JNASMARTCARDIO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CardConnectors.JNASMARTCARDIO);
    }

    @Test
    void findsAProviderListedOnlyAsAService() {
        // Bouncy Castle lists itself in META-INF/services/java.security.Provider and is not registered here;
        // it is found, and refused for what it is: a provider without readers.
        assertThat(Security.getProvider("BC")).isNull();
        assertThatThrownBy(() -> CardConnectors.forProvider("BC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offers no TerminalFactory");
    }
}
