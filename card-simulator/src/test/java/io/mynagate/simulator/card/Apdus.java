package io.mynagate.simulator.card;

import java.util.Arrays;
import java.util.HexFormat;

/** Raw APDU helpers for card tests. */
final class Apdus {
    static final byte[] JPKI_AID = HexFormat.of().parseHex("D392F000260100000001");

    private Apdus() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    static byte[] selectAid(byte[] aid) {
        byte[] apdu = Arrays.copyOf(hex("00A4040C"), 5 + aid.length);
        apdu[4] = (byte) aid.length;
        System.arraycopy(aid, 0, apdu, 5, aid.length);
        return apdu;
    }

    static byte[] selectEf(int fid) {
        return new byte[] {0x00, (byte) 0xA4, 0x02, 0x0C, 0x02, (byte) (fid >> 8), (byte) fid};
    }

    static byte[] readBinary(int offset, int le) {
        return new byte[] {0x00, (byte) 0xB0, (byte) (offset >> 8), (byte) offset, (byte) le};
    }

    static byte[] verify(String pin) {
        byte[] bytes = pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] apdu = Arrays.copyOf(hex("00200080"), 5 + bytes.length);
        apdu[4] = (byte) bytes.length;
        System.arraycopy(bytes, 0, apdu, 5, bytes.length);
        return apdu;
    }

    static byte[] verifyQuery() {
        return hex("00200080");
    }

    static byte[] sign(byte[] digestInfo) {
        byte[] apdu = Arrays.copyOf(hex("802A0080"), 6 + digestInfo.length);
        apdu[4] = (byte) digestInfo.length;
        System.arraycopy(digestInfo, 0, apdu, 5, digestInfo.length);
        return apdu; // last byte stays 00: Le = 256
    }

    /** Reads a whole EF in 256-byte chunks, following 6Cxx at the end; returns the raw content. */
    static byte[] readAll(SimulatedCard card) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int offset = 0;
        while (true) {
            byte[] r = card.transmit(readBinary(offset, 0));
            int sw = sw(r);
            if ((sw & 0xFF00) == 0x6C00) {
                r = card.transmit(readBinary(offset, sw & 0xFF));
                sw = sw(r);
            }
            if (sw != 0x9000) {
                return out.toByteArray();
            }
            out.writeBytes(data(r));
            offset += data(r).length;
        }
    }
}
