package io.mynagate.jpki.card;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A {@link CardChannel} test double: answers from a {@link Responder} (usually a {@link FakeJpkiApplet}),
 * unless a scripted rule matches first, and records every command sent.
 */
final class ScriptedCardChannel extends CardChannel {
    /** Answers one command. */
    @FunctionalInterface
    interface Responder {
        ResponseAPDU respond(CommandAPDU command) throws CardException;
    }

    private record Rule(Predicate<CommandAPDU> matches, Responder responder, boolean once) {}

    private final Responder fallback;
    private final List<Rule> rules = new ArrayList<>();
    private final List<CommandAPDU> sent = new ArrayList<>();

    ScriptedCardChannel(Responder fallback) {
        this.fallback = fallback;
    }

    /** The next command matching {@code matches} is answered by {@code responder} instead. */
    ScriptedCardChannel once(Predicate<CommandAPDU> matches, Responder responder) {
        rules.add(new Rule(matches, responder, true));
        return this;
    }

    /** Every command matching {@code matches} is answered by {@code responder} instead. */
    ScriptedCardChannel always(Predicate<CommandAPDU> matches, Responder responder) {
        rules.add(new Rule(matches, responder, false));
        return this;
    }

    /** Every command sent so far, in order. */
    List<CommandAPDU> sent() {
        return List.copyOf(sent);
    }

    void clearSent() {
        sent.clear();
    }

    static Predicate<CommandAPDU> ins(int ins) {
        return c -> c.getINS() == ins;
    }

    static ResponseAPDU sw(int sw) {
        return new ResponseAPDU(new byte[] {(byte) (sw >> 8), (byte) sw});
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        sent.add(command);
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches().test(command)) {
                if (rule.once()) {
                    it.remove();
                }
                return rule.responder().respond(command);
            }
        }
        return fallback.respond(command);
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) {
        throw new UnsupportedOperationException("the client sends CommandAPDUs");
    }

    @Override
    public Card getCard() {
        return null;
    }

    @Override
    public int getChannelNumber() {
        return 0;
    }

    @Override
    public void close() {}
}
