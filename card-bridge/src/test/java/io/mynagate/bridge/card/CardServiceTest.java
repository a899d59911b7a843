package io.mynagate.bridge.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.jpki.Reason;
import io.mynagate.jpki.card.CardConnector;
import io.mynagate.jpki.card.CardReaders;
import io.mynagate.jpki.card.NoCardException;
import io.mynagate.jpki.card.NoReaderException;
import io.mynagate.jpki.card.NotJpkiCardException;
import io.mynagate.jpki.card.PinFormatException;
import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.smartcardio.VirtualCardProvider;
import io.mynagate.simulator.smartcardio.VirtualReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

/** Which card the bridge uses, among several readers, and what it refuses before any reader is asked. */
class CardServiceTest {
    private static final AssertionRequest AUTH =
            AssertionRequest.builder().audience("https://idp.example/").nonce("n").build();

    @Test
    void usesTheFirstReaderWhoseCardIsAJpkiCard() throws Exception {
        VirtualReader transit = VirtualReader.holding("Reader A 00 00", new NotAJpkiCard());
        VirtualReader empty = VirtualReader.empty("Reader B 00 00");
        VirtualReader myna = VirtualReader.holding("Reader C 00 00", SimulatedCards.adult().toSimulatedCard());

        CardStatus status = service(List.of(transit, empty, myna), null).status();

        assertThat(status.readerName()).isEqualTo("Reader C 00 00");
    }

    @Test
    void refusesTheNamedReaderWhenItsCardIsNotAJpkiCard() {
        VirtualReader transit = VirtualReader.holding("Reader A 00 00", new NotAJpkiCard());
        VirtualReader myna = VirtualReader.holding("Reader C 00 00", SimulatedCards.adult().toSimulatedCard());

        assertThatThrownBy(() -> service(List.of(transit, myna), "Reader A 00 00").status())
                .isInstanceOfSatisfying(NotJpkiCardException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JPKI_CARD));
    }

    @Test
    void reportsNotAJpkiCardWhenNoCardSeenIsOne() {
        VirtualReader transit = VirtualReader.holding("Reader A 00 00", new NotAJpkiCard());

        assertThatThrownBy(() -> service(List.of(transit), null).status())
                .isInstanceOfSatisfying(NotJpkiCardException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JPKI_CARD));
    }

    @Test
    void reportsNoCardWhenEveryReaderIsEmpty() {
        assertThatThrownBy(() -> service(List.of(VirtualReader.empty("Reader B 00 00")), null).status())
                .isInstanceOfSatisfying(NoCardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD));
    }

    @Test
    void reportsNoReaderWhenNoneIsAttached() {
        CardService service = CardService.builder()
                .readers(List::of)
                .connector((name, timeout) -> {
                    throw new AssertionError("no reader to connect to");
                })
                .build();

        assertThatThrownBy(service::status)
                .isInstanceOfSatisfying(NoReaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER));
    }

    @Test
    void waitsForACardInsertedLater() throws Exception {
        VirtualReader reader = VirtualReader.empty("Reader B 00 00");
        SimulatedCard card = SimulatedCards.adult().toSimulatedCard();
        Thread inserter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader.insert(card);
        });
        inserter.start();

        CardStatus status = builder(List.of(reader)).cardWait(Duration.ofSeconds(20)).build().status();

        assertThat(status.readerName()).isEqualTo("Reader B 00 00");
        inserter.join();
    }

    @Test
    void refusesAMalformedPinBeforeAskingForAReader() {
        AtomicInteger readerCalls = new AtomicInteger();
        CardService service = CardService.builder()
                .readers(() -> {
                    readerCalls.incrementAndGet();
                    return List.of();
                })
                .connector((name, timeout) -> {
                    readerCalls.incrementAndGet();
                    throw new AssertionError("the card must not be touched");
                })
                .build();

        assertThatThrownBy(() -> service.sign(AUTH, "12".toCharArray()))
                .isInstanceOfSatisfying(PinFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PIN_FORMAT));
        assertThat(readerCalls).hasValue(0);
    }

    @Test
    void refusesReadersConfiguredTwice() {
        assertThatThrownBy(() -> CardService.builder().provider("JNA2PCSC").readers(List::of).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAWaitLongerThanTenMinutes() {
        assertThatThrownBy(() -> builder(List.of()).cardWait(Duration.ofMinutes(11)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    private static CardService service(List<VirtualReader> readers, String readerName) {
        return builder(readers).reader(readerName).build();
    }

    private static CardServiceBuilder builder(List<VirtualReader> readers) {
        try {
            TerminalFactory factory = TerminalFactory.getInstance(VirtualCardProvider.TYPE, readers,
                    new VirtualCardProvider());
            return CardService.builder().connector(CardConnector.create(factory)).readers(CardReaders.create(factory));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A card without the JPKI application, such as a transit or bank card: every SELECT answers 6A82. */
    private static final class NotAJpkiCard implements SimulatedCard {
        @Override
        public byte[] atr() {
            return new byte[] {0x3B, 0x00};
        }

        @Override
        public byte[] transmit(byte[] command) {
            return new byte[] {0x6A, (byte) 0x82};
        }

        @Override
        public void reset() {}

        @Override
        public int myNumberReads() {
            return 0;
        }

        @Override
        public int signatures() {
            return 0;
        }
    }
}
