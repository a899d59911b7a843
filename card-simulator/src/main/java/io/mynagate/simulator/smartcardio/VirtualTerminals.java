package io.mynagate.simulator.smartcardio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** The readers of one factory. Change detection polls, which is plenty for tests. */
final class VirtualTerminals extends CardTerminals {
    private static final long POLL_MILLIS = 20;
    private final List<VirtualTerminal> terminals = new ArrayList<>();
    private final Map<VirtualReader, Long> seen = new HashMap<>();

    VirtualTerminals(List<VirtualReader> readers) {
        for (VirtualReader reader : readers) {
            terminals.add(new VirtualTerminal(reader));
            seen.put(reader, reader.insertion());
        }
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        List<CardTerminal> result = new ArrayList<>();
        for (VirtualTerminal terminal : terminals) {
            boolean present = terminal.reader().present();
            boolean changed;
            synchronized (seen) {
                changed = seen.get(terminal.reader()) != terminal.reader().insertion();
            }
            boolean include = switch (state) {
                case ALL -> true;
                case CARD_PRESENT -> present;
                case CARD_ABSENT -> !present;
                case CARD_INSERTION -> present && changed;
                case CARD_REMOVAL -> !present && changed;
            };
            if (include) {
                result.add(terminal);
            }
        }
        return result;
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        try {
            while (true) {
                synchronized (seen) {
                    boolean changed = false;
                    for (VirtualTerminal terminal : terminals) {
                        long now = terminal.reader().insertion();
                        if (seen.put(terminal.reader(), now) != now) {
                            changed = true;
                        }
                    }
                    if (changed) {
                        return true;
                    }
                }
                if (System.currentTimeMillis() >= deadline) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted", e);
        }
    }
}
