package io.mynagate.simulator.smartcardio;

import io.mynagate.simulator.card.SimulatedCard;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The {@code TerminalFactory} implementation. Public only because {@link java.security.Provider}
 * instantiates it reflectively; use it through {@code TerminalFactory.getInstance}.
 */
public final class VirtualTerminalFactorySpi extends TerminalFactorySpi {
    private final CardTerminals terminals;

    /** The shared reader {@link VirtualReader#shared()} (no parameter given). */
    public VirtualTerminalFactorySpi() {
        this(null);
    }

    /**
     * @param parameter a {@link SimulatedCard}, a {@link VirtualReader}, a {@code List} of readers, or null for
     *     the shared reader
     * @throws IllegalArgumentException for any other parameter
     */
    public VirtualTerminalFactorySpi(Object parameter) {
        this.terminals = new VirtualTerminals(readers(parameter));
    }

    @Override
    protected CardTerminals engineTerminals() {
        return terminals;
    }

    private static List<VirtualReader> readers(Object parameter) {
        if (parameter == null) {
            return List.of(VirtualReader.shared());
        }
        if (parameter instanceof SimulatedCard card) {
            return List.of(VirtualReader.holding(VirtualReader.DEFAULT_NAME, card));
        }
        if (parameter instanceof VirtualReader reader) {
            return List.of(reader);
        }
        if (parameter instanceof List<?> list) {
            List<VirtualReader> readers = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof VirtualReader reader)) {
                    throw new IllegalArgumentException("list items must be VirtualReader");
                }
                readers.add(reader);
            }
            return List.copyOf(readers);
        }
        throw new IllegalArgumentException("parameter must be a SimulatedCard, VirtualReader or List of readers");
    }
}
