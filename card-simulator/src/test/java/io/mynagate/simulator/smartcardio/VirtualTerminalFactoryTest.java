package io.mynagate.simulator.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.security.Security;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

/** The provider as javax.smartcardio users see it. */
class VirtualTerminalFactoryTest {
    @Test
    void isSelectedByTypeOnceRegistered() throws Exception {
        Security.addProvider(new VirtualCardProvider());
        try {
            TerminalFactory factory = TerminalFactory.getInstance("VirtualCard", null);
            assertThat(factory.getType()).isEqualTo("VirtualCard");
            assertThat(factory.terminals().list()).hasSize(1);
        } finally {
            Security.removeProvider(VirtualCardProvider.NAME);
        }
    }

    @Test
    void showsTheCardWithTheJpkiAtr() throws Exception {
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, card, new VirtualCardProvider());
        CardTerminal terminal = factory.terminals().list(CardTerminals.State.CARD_PRESENT).get(0);
        assertThat(terminal.getName()).isEqualTo(VirtualReader.DEFAULT_NAME);
        assertThat(terminal.connect("*").getATR().getBytes()).isEqualTo(SimulatedCard.JPKI_ATR);
    }

    @Test
    void sharedReaderHoldsTheConfiguredCard() throws Exception {
        var card = Fixtures.adultCard();
        var properties = java.util.Map.of(VirtualReader.DIR_PROPERTY, Fixtures.pki().directory().toString(),
                VirtualReader.CARD_PROPERTY, card.id());
        VirtualReader reader = VirtualReader.fromConfiguration(properties::get);
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, reader, new VirtualCardProvider());
        var client = io.mynagate.jpki.card.JpkiCardClient.open(
                factory.terminals().list().get(0).connect("*").getBasicChannel());
        assertThat(client.readAuthenticationCertificate()).isEqualTo(card.authCertificate());
    }

    @Test
    void sharedReaderIsEmptyWithoutConfiguration() {
        assertThat(VirtualReader.fromConfiguration(key -> null).present()).isFalse();
    }

    @Test
    void emptyReaderHasNoCardToConnectTo() throws Exception {
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, VirtualReader.empty("empty"),
                new VirtualCardProvider());
        CardTerminal terminal = factory.terminals().list().get(0);
        assertThat(terminal.isCardPresent()).isFalse();
        assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);
    }

    @Test
    void insertingACardWakesUpWaiters() throws Exception {
        VirtualReader reader = VirtualReader.empty("slot");
        TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, reader, new VirtualCardProvider());
        CardTerminal terminal = factory.terminals().list().get(0);
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        new Thread(() -> reader.insert(card)).start();
        assertThat(terminal.waitForCardPresent(5000)).isTrue();
        var response = terminal.connect("T=1").getBasicChannel()
                .transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, io.mynagate.jpki.card.JpkiFiles.jpkiAid()));
        assertThat(response.getSW()).isEqualTo(0x9000);
    }

    @Test
    void refusesAnUnsupportedParameter() {
        assertThatThrownBy(() -> TerminalFactory.getInstance(VirtualCardProvider.TYPE, "nonsense", new VirtualCardProvider()))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
