package io.mynagate.jpki.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.Reason;
import java.time.Duration;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Test;

/** The default connector over a scripted javax.smartcardio provider (the simulator's tests cover it over VirtualCard). */
class CardConnectorTest {
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private final FakeReaders readers = new FakeReaders();

    private CardConnector connector() throws Exception {
        return CardConnector.create(readers.factory());
    }

    @Test
    void opensTheNamedReader() throws Exception {
        readers.reader("A").insert();
        FakeReaders.Reader b = readers.reader("B").insert();

        try (CardSession session = connector().open("B", NO_WAIT)) {
            assertThat(session.readerName()).isEqualTo("B");
            assertThat(session.channel().transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C)).getSW()).isEqualTo(0x9000);
            assertThat(b.cards()).hasSize(1);
        }
    }

    @Test
    void opensTheFirstReaderHoldingACardWhenNoNameIsGiven() throws Exception {
        readers.reader("empty");
        readers.reader("with card").insert();

        try (CardSession session = connector().open(null, NO_WAIT)) {
            assertThat(session.readerName()).isEqualTo("with card");
        }
    }

    @Test
    void waitsForACardInsertedWithinTheTimeout() throws Exception {
        readers.reader("A").insertAfter(100);

        try (CardSession session = connector().open("A", TWO_SECONDS)) {
            assertThat(session.readerName()).isEqualTo("A");
        }
    }

    @Test
    void waitsForACardInAnyReaderWhenNoNameIsGiven() throws Exception {
        readers.reader("A");
        readers.reader("B").insertAfter(100);

        try (CardSession session = connector().open(null, TWO_SECONDS)) {
            assertThat(session.readerName()).isEqualTo("B");
        }
    }

    @Test
    void rejectsUnknownReaderNameAsNoReader() {
        readers.reader("A").insert();

        assertThatThrownBy(() -> connector().open("B", NO_WAIT))
                .isInstanceOfSatisfying(NoReaderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_READER);
                    assertThat(e.readerName()).isEqualTo("B");
                });
    }

    @Test
    void reportsNoReaderWhenNoneIsAttached() {
        assertThatThrownBy(() -> connector().open(null, TWO_SECONDS))
                .isInstanceOfSatisfying(NoReaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER));
    }

    @Test
    void reportsNoCardWhenTheReaderStaysEmptyUntilTheTimeout() {
        readers.reader("A");
        Duration timeout = Duration.ofMillis(300);

        long start = System.nanoTime();
        assertThatThrownBy(() -> connector().open("A", timeout))
                .isInstanceOfSatisfying(NoCardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_CARD);
                    assertThat(e.readerName()).isEqualTo("A");
                });
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isBetween(timeout, timeout.plusSeconds(2));
    }

    @Test
    void zeroTimeoutDoesNotWaitForACard() {
        readers.reader("A");

        long start = System.nanoTime();
        // FakeReaders fails the test on waitForCardPresent(0), which javax.smartcardio reads as "forever".
        assertThatThrownBy(() -> connector().open("A", NO_WAIT))
                .isInstanceOfSatisfying(NoCardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void reportsNoCardWhenTheCardLeavesBeforeTheConnection() {
        readers.reader("A").insert().failConnect(new CardException("connect failed", new Exception("SCARD_W_REMOVED_CARD")));

        assertThatThrownBy(() -> connector().open("A", NO_WAIT))
                .isInstanceOfSatisfying(NoCardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD));
    }

    @Test
    void reportsOtherConnectFailuresAsCommunicationFailure() {
        readers.reader("A").insert().failConnect(new CardException("SCARD_E_SHARING_VIOLATION"));

        assertThatThrownBy(() -> connector().open("A", NO_WAIT))
                .isInstanceOfSatisfying(CardCommunicationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CARD_COMMUNICATION));
    }

    @Test
    void reportsAMissingReaderServiceAsCommunicationFailure() {
        readers.reader("A").insert();
        readers.failToEstablish(new IllegalStateException("SCardEstablishContext got SCARD_E_NO_SERVICE"));

        assertThatThrownBy(() -> connector().open("A", NO_WAIT))
                .isInstanceOfSatisfying(CardCommunicationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CARD_COMMUNICATION));
    }

    @Test
    void establishesANewReaderContextOnceWhenTheOldOneFails() throws Exception {
        readers.reader("A").insert();
        CardConnector connector = connector();
        connector.open("A", NO_WAIT).close();
        readers.failNextListing(new CardException("SCARD_E_SERVICE_STOPPED"));

        try (CardSession session = connector.open("A", NO_WAIT)) {
            assertThat(session.readerName()).isEqualTo("A");
        }
        assertThat(readers.contexts()).isEqualTo(2);
    }

    @Test
    void keepsOneReaderContextWhileItWorks() throws Exception {
        readers.reader("A").insert();
        CardConnector connector = connector();
        for (int i = 0; i < 5; i++) {
            connector.open("A", NO_WAIT).close();
        }
        assertThat(readers.contexts()).isEqualTo(1);
    }

    @Test
    void closeDisconnectsWithResetOnce() throws Exception {
        FakeReaders.Reader reader = readers.reader("A").insert();
        CardSession session = connector().open("A", NO_WAIT);

        session.close();
        session.close();
        assertThat(reader.cards().get(0).disconnects()).containsExactly(true);
    }

    @Test
    void closeOfASessionWhoseCardIsGoneDoesNotThrow() throws Exception {
        FakeReaders.Reader reader = readers.reader("A").insert();
        CardSession session = connector().open("A", NO_WAIT);
        reader.cards().get(0).failDisconnect(new CardException("SCARD_W_REMOVED_CARD"));

        session.close();
        assertThat(reader.cards().get(0).disconnects()).containsExactly(true);
    }

    @Test
    void refusesANegativeTimeout() {
        readers.reader("A").insert();

        assertThatThrownBy(() -> connector().open("A", Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsTheReadersAndWhichHoldACard() throws Exception {
        readers.reader("A");
        readers.reader("B").insert();

        assertThat(CardReaders.create(readers.factory()).list())
                .containsExactly(new CardReaders.Reader("A", false), new CardReaders.Reader("B", true));
    }

    @Test
    void listsNoReadersAsAnEmptyList() throws Exception {
        assertThat(CardReaders.create(readers.factory()).list()).isEmpty();
    }

    @Test
    void reportsAFailedListingAsCommunicationFailure() {
        readers.reader("A");
        readers.failToEstablish(new IllegalStateException("SCARD_E_NO_SERVICE"));

        assertThatThrownBy(() -> CardReaders.create(readers.factory()).list())
                .isInstanceOfSatisfying(CardCommunicationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CARD_COMMUNICATION));
    }
}
