package io.mynagate.jpki.card;

import java.io.ByteArrayOutputStream;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Sends one command and returns its complete answer: resends with the right Le after {@code 6Cxx}
 * and collects {@code 61xx} continuations with GET RESPONSE (ISO 7816-4 section 5.1.3), because the
 * reader layer may or may not do so itself (jnasmartcardio does not). Maps reader failures to
 * {@link CardRemovedException} or {@link CardCommunicationException}.
 */
final class ApduTransport {
    // A 2 KB certificate in 256-byte pieces needs 8; more means a card that never ends.
    private static final int MAX_GET_RESPONSES = 64;
    private static final int GET_RESPONSE = 0xC0;

    private final CardChannel channel;

    ApduTransport(CardChannel channel) {
        this.channel = channel;
    }

    ResponseAPDU transmit(CommandAPDU command) throws JpkiCardException {
        ResponseAPDU response = withCorrectedLength(command);
        if (response.getSW1() != 0x61) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < MAX_GET_RESPONSES && response.getSW1() == 0x61; i++) {
            data.writeBytes(response.getData());
            response = withCorrectedLength(new CommandAPDU(0x00, GET_RESPONSE, 0x00, 0x00, length(response.getSW2())));
        }
        if (response.getSW1() == 0x61) {
            throw new MalformedCardDataException("the card keeps answering 61xx");
        }
        data.writeBytes(response.getData());
        data.write(response.getSW1());
        data.write(response.getSW2());
        return new ResponseAPDU(data.toByteArray());
    }

    private ResponseAPDU withCorrectedLength(CommandAPDU command) throws JpkiCardException {
        ResponseAPDU response = raw(command);
        if (response.getSW1() == 0x6C) {
            // Wrong Le: the card says how many bytes it has; ask again exactly once.
            CommandAPDU corrected = command.getData().length == 0
                    ? new CommandAPDU(command.getCLA(), command.getINS(), command.getP1(), command.getP2(),
                            length(response.getSW2()))
                    : new CommandAPDU(command.getCLA(), command.getINS(), command.getP1(), command.getP2(),
                            command.getData(), length(response.getSW2()));
            response = raw(corrected);
        }
        return response;
    }

    private static int length(int sw2) {
        return sw2 == 0 ? 256 : sw2;
    }

    private ResponseAPDU raw(CommandAPDU command) throws JpkiCardException {
        try {
            return channel.transmit(command);
        } catch (CardException e) {
            if (PcscErrors.saysNoCard(e)) {
                throw new CardRemovedException(e);
            }
            throw new CardCommunicationException(e);
        } catch (IllegalStateException e) {
            // javax.smartcardio: "channel closed" or "card disconnected"; either way the card is gone for us.
            throw new CardRemovedException(e);
        }
    }
}
