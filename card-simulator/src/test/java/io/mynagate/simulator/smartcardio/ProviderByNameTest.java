package io.mynagate.simulator.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.jpki.card.CardConnectors;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.CardSession;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.security.Security;
import java.time.Duration;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

/**
 * Readers chosen by provider name, as the card bridge chooses them from its configuration: the
 * simulator is found on the class path without being registered, jnasmartcardio by its class name.
 */
class ProviderByNameTest {
    @Test
    void findsTheSimulatorByNameWithoutRegistration() throws Exception {
        assertThat(Security.getProvider(VirtualCardProvider.NAME)).isNull();

        TerminalFactory factory = CardConnectors.terminalFactory(VirtualCardProvider.NAME);
        assertThat(factory.getType()).isEqualTo(VirtualCardProvider.TYPE);
        assertThat(factory.getProvider()).isInstanceOf(VirtualCardProvider.class);
    }

    @Test
    void connectorByNameUsesTheSharedReader() throws Exception {
        IssuedCard adult = Fixtures.adultCard();
        VirtualReader.shared().insert(adult.toSimulatedCard());
        try {
            assertThat(CardConnectors.readersForProvider(VirtualCardProvider.NAME).list())
                    .containsExactly(new CardReaders.Reader(VirtualReader.DEFAULT_NAME, true));
            try (CardSession session = CardConnectors.forProvider(VirtualCardProvider.NAME)
                    .open(VirtualReader.DEFAULT_NAME, Duration.ZERO)) {
                assertThat(JpkiCardClient.open(session.channel()).readAuthenticationCertificate())
                        .isEqualTo(adult.authCertificate());
            }
        } finally {
            VirtualReader.shared().remove();
        }
    }

    @Test
    void findsJnasmartcardioByNameWithoutRegistration() {
        assertThat(Security.getProvider(CardConnectors.JNASMARTCARDIO)).isNull();

        TerminalFactory factory = CardConnectors.terminalFactory(CardConnectors.JNASMARTCARDIO);
        assertThat(factory.getType()).isEqualTo("PC/SC");
        assertThat(factory.getProvider()).isInstanceOf(jnasmartcardio.Smartcardio.class);
    }
}
