package io.mynagate.simulator.card;

/**
 * A virtual My Number card at APDU level. Thread-safe: commands are processed one at a time.
 *
 * <p>Build one with {@link #builder()}; reach it through
 * {@code io.mynagate.simulator.smartcardio.VirtualCardProvider} (in-process) or
 * {@code io.mynagate.simulator.vpcd.VpcdCardClient} (behind a real {@code pcscd}).
 */
public interface SimulatedCard {
    /**
     * The ATR {@code 3B E0 00 FF 81 31 FE 45 14}: T=1, no historical bytes. It is the one OpenSC's
     * JPKI driver lists ({@code card-jpki.c}); clients must still identify the card by AID.
     */
    byte[] JPKI_ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};

    /** @return the answer to reset (a copy) */
    byte[] atr();

    /**
     * Processes one command APDU.
     *
     * @param command the C-APDU (ISO 7816-4 short or extended)
     * @return the R-APDU: response data followed by SW1 SW2; never null
     */
    byte[] transmit(byte[] command);

    /** Power cycle: no application selected, every verified PIN forgotten (retry counters stay). */
    void reset();

    /**
     * How many READ BINARY commands targeted the My Number file of the card-info application,
     * allowed or not. Tests of the bridge assert this stays zero.
     */
    int myNumberReads();

    /** How many signatures the card computed (both keys). */
    int signatures();

    /** @return a new builder */
    static SimulatedCardBuilder builder() {
        return new SimulatedCardBuilder();
    }
}
