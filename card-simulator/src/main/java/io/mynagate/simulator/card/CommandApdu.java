package io.mynagate.simulator.card;

import java.util.Arrays;

/**
 * A parsed command APDU (ISO 7816-4 section 5.1): the four cases, short and extended length.
 * {@code ne} is the expected response length, {@code -1} when the command has no Le field.
 */
final class CommandApdu {
    final int cla;
    final int ins;
    final int p1;
    final int p2;
    final byte[] data;
    final int ne;

    private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        this.cla = cla;
        this.ins = ins;
        this.p1 = p1;
        this.p2 = p2;
        this.data = data;
        this.ne = ne;
    }

    boolean hasData() {
        return data.length > 0;
    }

    /** Parses a command; throws {@link MalformedApduException} when the length fields do not add up. */
    static CommandApdu parse(byte[] apdu) {
        if (apdu.length < 4) {
            throw new MalformedApduException();
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        int bodyLength = apdu.length - 4;
        if (bodyLength == 0) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], -1);
        }
        int b1 = apdu[4] & 0xFF;
        if (bodyLength == 1) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], b1 == 0 ? 256 : b1);
        }
        if (b1 != 0) {
            return parseShort(apdu, cla, ins, p1, p2, b1);
        }
        return parseExtended(apdu, cla, ins, p1, p2);
    }

    private static CommandApdu parseShort(byte[] apdu, int cla, int ins, int p1, int p2, int lc) {
        int bodyLength = apdu.length - 4;
        byte[] data = Arrays.copyOfRange(apdu, 5, Math.min(apdu.length, 5 + lc));
        if (bodyLength == 1 + lc) {
            return new CommandApdu(cla, ins, p1, p2, data, -1);
        }
        if (bodyLength == 2 + lc) {
            int le = apdu[apdu.length - 1] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, data, le == 0 ? 256 : le);
        }
        throw new MalformedApduException();
    }

    private static CommandApdu parseExtended(byte[] apdu, int cla, int ins, int p1, int p2) {
        int bodyLength = apdu.length - 4;
        if (bodyLength == 3) {
            int le = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, new byte[0], le == 0 ? 65536 : le);
        }
        if (bodyLength < 3) {
            throw new MalformedApduException();
        }
        int lc = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (lc == 0) {
            throw new MalformedApduException();
        }
        byte[] data = Arrays.copyOfRange(apdu, 7, Math.min(apdu.length, 7 + lc));
        if (bodyLength == 3 + lc) {
            return new CommandApdu(cla, ins, p1, p2, data, -1);
        }
        if (bodyLength == 5 + lc) {
            int le = ((apdu[apdu.length - 2] & 0xFF) << 8) | (apdu[apdu.length - 1] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, data, le == 0 ? 65536 : le);
        }
        throw new MalformedApduException();
    }

    /** The length fields of a command do not match its size: the card answers {@code 6700}. */
    static final class MalformedApduException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedApduException() {
            super("malformed command APDU", null, false, false);
        }
    }
}
