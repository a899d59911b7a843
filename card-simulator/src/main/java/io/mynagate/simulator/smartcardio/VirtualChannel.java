package io.mynagate.simulator.smartcardio;

import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The basic channel. It passes APDUs through unchanged: {@code 61xx} and {@code 6Cxx} reach the
 * caller, so client code is tested on what a card really answers.
 */
final class VirtualChannel extends CardChannel {
    private final VirtualCard card;

    VirtualChannel(VirtualCard card) {
        this.card = card;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkConnected();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        return new ResponseAPDU(card.transmit(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        byte[] answer = card.transmit(bytes);
        if (response.remaining() < answer.length) {
            throw new IllegalArgumentException("response buffer too small");
        }
        response.put(answer);
        return answer.length;
    }

    @Override
    public void close() throws CardException {
        throw new IllegalStateException("the basic channel cannot be closed");
    }
}
