package io.mynagate.simulator.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.CardConnector;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.CardRemovedException;
import io.mynagate.jpki.card.CardSession;
import io.mynagate.jpki.card.JpkiCardClient;
import io.mynagate.jpki.card.NoCardException;
import io.mynagate.jpki.card.NoReaderException;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jpki's default card connector and reader listing over the simulator's in-process readers. */
class CardConnectorWithVirtualCardTest {
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static IssuedCard adult;

    @BeforeAll
    static void issue() {
        adult = Fixtures.adultCard();
    }

    private static TerminalFactory factory(Object parameter) throws Exception {
        return TerminalFactory.getInstance(VirtualCardProvider.TYPE, parameter, new VirtualCardProvider());
    }

    private static CardConnector connector(VirtualReader... readers) throws Exception {
        return CardConnector.create(factory(List.of(readers)));
    }

    @Test
    void listsTheReadersAndWhichHoldACard() throws Exception {
        TerminalFactory factory = factory(List.of(
                VirtualReader.holding("Reader A", adult.toSimulatedCard()), VirtualReader.empty("Reader B")));

        assertThat(CardReaders.create(factory).list())
                .containsExactly(new CardReaders.Reader("Reader A", true), new CardReaders.Reader("Reader B", false));
    }

    @Test
    void opensTheNamedReaderAndReadsTheCertificate() throws Exception {
        CardConnector connector = connector(VirtualReader.empty("Reader A"),
                VirtualReader.holding("Reader B", adult.toSimulatedCard()));

        try (CardSession session = connector.open("Reader B", NO_WAIT)) {
            assertThat(session.readerName()).isEqualTo("Reader B");
            assertThat(JpkiCardClient.open(session.channel()).readAuthenticationCertificate())
                    .isEqualTo(adult.authCertificate());
        }
    }

    @Test
    void opensTheReaderHoldingACardWhenNoNameIsGiven() throws Exception {
        CardConnector connector = connector(VirtualReader.empty("Reader A"),
                VirtualReader.holding("Reader B", adult.toSimulatedCard()));

        try (CardSession session = connector.open(null, NO_WAIT)) {
            assertThat(session.readerName()).isEqualTo("Reader B");
        }
    }

    @Test
    void rejectsAnUnknownReaderAsNoReader() throws Exception {
        CardConnector connector = connector(VirtualReader.holding("Reader A", adult.toSimulatedCard()));

        assertThatThrownBy(() -> connector.open("Reader Z", NO_WAIT))
                .isInstanceOfSatisfying(NoReaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER));
    }

    @Test
    void reportsNoCardInAnEmptyReader() throws Exception {
        CardConnector connector = connector(VirtualReader.empty("Reader A"));

        assertThatThrownBy(() -> connector.open("Reader A", NO_WAIT))
                .isInstanceOfSatisfying(NoCardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD));
    }

    @Test
    void waitsNoLongerThanTheTimeoutForACard() throws Exception {
        CardConnector connector = connector(VirtualReader.empty("Reader A"));
        Duration timeout = Duration.ofMillis(300);

        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.open("Reader A", timeout))
                .isInstanceOfSatisfying(NoCardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(timeout, timeout.plusSeconds(2));
    }

    @Test
    void connectsToACardInsertedWhileItWaits() throws Exception {
        VirtualReader reader = VirtualReader.empty("Reader A");
        CardConnector connector = connector(reader);
        Thread inserter = new Thread(() -> {
            sleep(200);
            reader.insert(adult.toSimulatedCard());
        });
        inserter.start();

        try (CardSession session = connector.open("Reader A", FIVE_SECONDS)) {
            assertThat(JpkiCardClient.open(session.channel()).readAuthenticationCertificate())
                    .isEqualTo(adult.authCertificate());
        } finally {
            inserter.join();
        }
    }

    @Test
    void connectsToACardInsertedIntoAnyReaderWhenNoNameIsGiven() throws Exception {
        VirtualReader second = VirtualReader.empty("Reader B");
        CardConnector connector = connector(VirtualReader.empty("Reader A"), second);
        Thread inserter = new Thread(() -> {
            sleep(200);
            second.insert(adult.toSimulatedCard());
        });
        inserter.start();

        try (CardSession session = connector.open(null, FIVE_SECONDS)) {
            assertThat(session.readerName()).isEqualTo("Reader B");
        } finally {
            inserter.join();
        }
    }

    @Test
    void reportsACardRemovedMidSessionAsRemoved() throws Exception {
        VirtualReader reader = VirtualReader.holding("Reader A", adult.toSimulatedCard());

        try (CardSession session = connector(reader).open("Reader A", NO_WAIT)) {
            JpkiCardClient client = JpkiCardClient.open(session.channel());
            reader.remove();
            assertThatThrownBy(client::readAuthenticationCertificate)
                    .isInstanceOfSatisfying(CardRemovedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CARD_REMOVED));
        }
    }

    @Test
    void closingTheSessionDisconnectsFromTheCard() throws Exception {
        CardSession session = connector(VirtualReader.holding("Reader A", adult.toSimulatedCard()))
                .open("Reader A", NO_WAIT);
        JpkiCardClient client = JpkiCardClient.open(session.channel());

        session.close();
        assertThatThrownBy(client::readAuthenticationCertificate)
                .isInstanceOfSatisfying(CardRemovedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CARD_REMOVED));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
