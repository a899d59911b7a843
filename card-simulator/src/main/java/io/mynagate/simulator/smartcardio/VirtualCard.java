package io.mynagate.simulator.smartcardio;

import io.mynagate.simulator.card.SimulatedCard;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * A connection to the card in a virtual reader. Valid until {@link #disconnect} or until the card
 * is removed from the reader (then every transmit fails with {@link CardException}).
 */
final class VirtualCard extends Card {
    private final VirtualReader reader;
    private final SimulatedCard card;
    private final long insertion;
    private final VirtualChannel basicChannel;
    private volatile boolean connected = true;

    VirtualCard(VirtualReader reader, SimulatedCard card, long insertion) {
        this.reader = reader;
        this.card = card;
        this.insertion = insertion;
        this.basicChannel = new VirtualChannel(this);
    }

    @Override
    public ATR getATR() {
        return new ATR(card.atr());
    }

    @Override
    public String getProtocol() {
        return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkConnected();
        throw new CardException("logical channels are not supported by the card");
    }

    @Override
    public void beginExclusive() throws CardException {
        checkPresent();
    }

    @Override
    public void endExclusive() throws CardException {
        checkPresent();
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        throw new CardException("control commands are not supported by the virtual reader");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (!connected) {
            return;
        }
        connected = false;
        if (reset && reader.insertion() == insertion) {
            card.reset();
        }
    }

    byte[] transmit(byte[] command) throws CardException {
        checkConnected();
        checkPresent();
        return card.transmit(command);
    }

    void checkConnected() {
        if (!connected) {
            throw new IllegalStateException("card has been disconnected");
        }
    }

    private void checkPresent() throws CardException {
        if (reader.insertion() != insertion) {
            throw new CardException("card removed from " + reader.name());
        }
    }

    @Override
    public String toString() {
        return "VirtualCard[" + reader.name() + "]";
    }
}
