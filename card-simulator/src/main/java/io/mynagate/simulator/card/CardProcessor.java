package io.mynagate.simulator.card;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;

/**
 * The card's command interpreter: SELECT, READ BINARY, VERIFY, COMPUTE DIGITAL SIGNATURE, with the
 * status words of docs/jpki.md section 1. Security state (verified PINs) lives until the next
 * application SELECT or reset, which is also how OpenSC logs out (it re-selects the JPKI AID).
 * Thread-safe: one command at a time, like a card.
 */
final class CardProcessor implements SimulatedCard {
    private static final int INS_SELECT = 0xA4;
    private static final int INS_READ_BINARY = 0xB0;
    private static final int INS_VERIFY = 0x20;
    private static final int INS_SIGN = 0x2A;
    private static final int RSA_2048_BYTES = 256;
    private static final int PKCS1_OVERHEAD = 11;

    private final byte[] atr;
    private final List<CardApplication> applications;
    private final AtomicInteger myNumberReads = new AtomicInteger();
    private final AtomicInteger signatures = new AtomicInteger();
    private CardApplication current;
    private int currentFid = -1;
    private final Set<Integer> verified = new HashSet<>();

    CardProcessor(byte[] atr, List<CardApplication> applications) {
        this.atr = atr.clone();
        this.applications = List.copyOf(applications);
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public int myNumberReads() {
        return myNumberReads.get();
    }

    @Override
    public int signatures() {
        return signatures.get();
    }

    @Override
    public synchronized void reset() {
        current = null;
        currentFid = -1;
        verified.clear();
    }

    @Override
    public synchronized byte[] transmit(byte[] command) {
        CommandApdu apdu;
        try {
            apdu = CommandApdu.parse(command);
        } catch (CommandApdu.MalformedApduException e) {
            return status(StatusWord.WRONG_LENGTH);
        }
        switch (apdu.ins) {
            case INS_SELECT:
                return apdu.cla == 0x00 ? status(select(apdu)) : status(StatusWord.CLA_NOT_SUPPORTED);
            case INS_READ_BINARY:
                return apdu.cla == 0x00 ? readBinary(apdu) : status(StatusWord.CLA_NOT_SUPPORTED);
            case INS_VERIFY:
                return apdu.cla == 0x00 ? status(verify(apdu)) : status(StatusWord.CLA_NOT_SUPPORTED);
            case INS_SIGN:
                return apdu.cla == 0x80 ? sign(apdu) : status(StatusWord.CLA_NOT_SUPPORTED);
            default:
                return status(StatusWord.INS_NOT_SUPPORTED);
        }
    }

    private int select(CommandApdu apdu) {
        if (apdu.p2 != 0x0C && apdu.p2 != 0x00) {
            return StatusWord.INCORRECT_P1P2;
        }
        switch (apdu.p1) {
            case 0x04:
                return selectApplication(apdu.data);
            case 0x02:
                return selectFile(apdu.data);
            case 0x00:
                // Selecting the MF (3F00) or by bare file id is not supported by the card.
                return StatusWord.FILE_NOT_FOUND;
            default:
                return StatusWord.INCORRECT_P1P2;
        }
    }

    private int selectApplication(byte[] aid) {
        for (CardApplication application : applications) {
            if (application.hasAid(aid)) {
                current = application;
                currentFid = -1;
                verified.clear();
                return StatusWord.OK;
            }
        }
        return StatusWord.FILE_NOT_FOUND;
    }

    private int selectFile(byte[] fid) {
        if (fid.length != 2) {
            return StatusWord.WRONG_LENGTH;
        }
        int id = ((fid[0] & 0xFF) << 8) | (fid[1] & 0xFF);
        if (current == null || !current.exists(id)) {
            return StatusWord.FILE_NOT_FOUND;
        }
        currentFid = id;
        return StatusWord.OK;
    }

    private byte[] readBinary(CommandApdu apdu) {
        if ((apdu.p1 & 0x80) != 0) {
            return status(StatusWord.INCORRECT_P1P2);
        }
        if (apdu.hasData() || apdu.ne < 0) {
            return status(StatusWord.WRONG_LENGTH);
        }
        ElementaryFile file = current == null ? null : current.files.get(currentFid);
        if (file == null || !file.readable()) {
            return status(StatusWord.COMMAND_NOT_ALLOWED_NO_EF);
        }
        if (file.myNumber()) {
            myNumberReads.incrementAndGet();
        }
        if (file.readPin() != ElementaryFile.FREE && !verified.contains(file.readPin())) {
            return status(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        int offset = (apdu.p1 << 8) | apdu.p2;
        byte[] content = file.content();
        if (offset >= content.length) {
            return status(StatusWord.WRONG_OFFSET);
        }
        int available = content.length - offset;
        if (apdu.ne > available) {
            if (available < 256) {
                // Le too long for what is left: tell the exact length (ISO 7816-4 6Cxx).
                return status(StatusWord.WRONG_LE_BASE | available);
            }
            return withStatus(Arrays.copyOfRange(content, offset, content.length), 0x6282);
        }
        return withStatus(Arrays.copyOfRange(content, offset, offset + apdu.ne), StatusWord.OK);
    }

    private int verify(CommandApdu apdu) {
        if (apdu.p1 != 0x00 || apdu.p2 != 0x80) {
            return StatusWord.INCORRECT_P1P2;
        }
        PinFile pin = current == null ? null : current.pins.get(currentFid);
        if (pin == null) {
            return StatusWord.REFERENCED_DATA_NOT_FOUND;
        }
        if (!apdu.hasData()) {
            return pin.query();
        }
        int sw = pin.verify(apdu.data);
        if (sw == StatusWord.OK) {
            verified.add(currentFid);
        } else {
            verified.remove(currentFid);
        }
        return sw;
    }

    private byte[] sign(CommandApdu apdu) {
        if (apdu.p1 != 0x00 || apdu.p2 != 0x80) {
            return status(StatusWord.INCORRECT_P1P2);
        }
        if (!apdu.hasData() || apdu.data.length > RSA_2048_BYTES - PKCS1_OVERHEAD) {
            return status(StatusWord.WRONG_LENGTH);
        }
        PrivateKey key = current == null ? null : current.keys.get(currentFid);
        if (key == null) {
            return status(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        int pinFid = current.keyPins.get(currentFid);
        if (current.pins.get(pinFid).blocked()) {
            return status(StatusWord.AUTHENTICATION_METHOD_BLOCKED);
        }
        if (!verified.contains(pinFid)) {
            return status(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        try {
            // The card pads the presented DigestInfo with PKCS#1 v1.5 block type 1 and applies the
            // raw private-key operation: exactly what this cipher does with a private key.
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            byte[] signature = rsa.doFinal(apdu.data);
            signatures.incrementAndGet();
            return withStatus(signature, StatusWord.OK);
        } catch (GeneralSecurityException e) {
            return status(StatusWord.WRONG_DATA);
        }
    }

    private static byte[] status(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static byte[] withStatus(byte[] data, int sw) {
        byte[] response = Arrays.copyOf(data, data.length + 2);
        response[data.length] = (byte) (sw >> 8);
        response[data.length + 1] = (byte) sw;
        return response;
    }
}
