package io.mynagate.jpki.card;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Just enough of the JPKI application (docs/jpki.md section 1) to test the client against:
 * files padded with FF, two PINs with try counters, two keys, and switchable quirks (6Cxx for a
 * too-long Le, 61xx chaining of long answers, smartphone access to the authentication certificate).
 * The real virtual card is in card-simulator; this double only serves this module's unit tests.
 */
final class FakeJpkiApplet implements ScriptedCardChannel.Responder {
    private static final int FILE_SIZE = 4096;

    private final Map<Integer, byte[]> files = new HashMap<>();
    private final Map<Integer, String> pins = new HashMap<>();
    private final Map<Integer, Integer> tries = new HashMap<>();
    private final Map<Integer, PrivateKey> keys = new HashMap<>();
    private final Set<Integer> verified = new HashSet<>();
    private boolean applicationSelected;
    private int current = -1;
    private boolean answer6CForLongLe;
    private int maxResponseBeforeChaining = Integer.MAX_VALUE;
    private boolean authCertNeedsPin;
    private int blockedStatusWord = 0x63C0;
    private byte[] pendingResponse = new byte[0];

    FakeJpkiApplet() {
        pins.put(JpkiFiles.AUTH_PIN, "1234");
        tries.put(JpkiFiles.AUTH_PIN, 3);
        pins.put(JpkiFiles.SIGN_PIN, "ABC123");
        tries.put(JpkiFiles.SIGN_PIN, 5);
    }

    /** Stores {@code content} in EF {@code fid}, padded with FF to 4 KB like a card's file. */
    FakeJpkiApplet file(int fid, byte[] content) {
        byte[] padded = new byte[Math.max(FILE_SIZE, content.length)];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(content, 0, padded, 0, content.length);
        files.put(fid, padded);
        return this;
    }

    /** Stores {@code content} in EF {@code fid} exactly, without padding. */
    FakeJpkiApplet unpaddedFile(int fid, byte[] content) {
        files.put(fid, content.clone());
        return this;
    }

    FakeJpkiApplet withoutFile(int fid) {
        files.remove(fid);
        pins.remove(fid);
        return this;
    }

    FakeJpkiApplet tokenLabel(String label) {
        byte[] info = new byte[64];
        Arrays.fill(info, (byte) ' ');
        byte[] bytes = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, info, 0, bytes.length);
        return file(JpkiFiles.TOKEN_INFO, info);
    }

    FakeJpkiApplet key(int fid, PrivateKey key) {
        keys.put(fid, key);
        return this;
    }

    FakeJpkiApplet triesLeft(int pinFid, int left) {
        tries.put(pinFid, left);
        return this;
    }

    /** Answers READ BINARY with 6Cxx when Le asks for more than the file has left. */
    FakeJpkiApplet answer6CForLongLe() {
        this.answer6CForLongLe = true;
        return this;
    }

    /** Answers with at most {@code bytes} and 61xx, the rest through GET RESPONSE. */
    FakeJpkiApplet chainResponsesLongerThan(int bytes) {
        this.maxResponseBeforeChaining = bytes;
        return this;
    }

    /** Like Android and iPhone: EF 000A readable only after VERIFY of the authentication PIN. */
    FakeJpkiApplet authenticationCertificateNeedsPin() {
        this.authCertNeedsPin = true;
        return this;
    }

    /** The status word a blocked PIN answers (63C0, 6983 or 6984). */
    FakeJpkiApplet blockedStatusWord(int sw) {
        this.blockedStatusWord = sw;
        return this;
    }

    int triesLeft(int pinFid) {
        return tries.get(pinFid);
    }

    @Override
    public ResponseAPDU respond(CommandAPDU c) {
        if (c.getINS() == 0xC0) {
            return chained(pendingResponse);
        }
        pendingResponse = new byte[0];
        if (c.getCLA() == 0x00 && c.getINS() == 0xA4 && c.getP1() == 0x04) {
            applicationSelected = Arrays.equals(c.getData(), JpkiFiles.jpkiAid());
            current = -1;
            verified.clear();
            return sw(applicationSelected ? 0x9000 : 0x6A82);
        }
        if (!applicationSelected) {
            return sw(0x6986);
        }
        if (c.getCLA() == 0x00 && c.getINS() == 0xA4 && c.getP1() == 0x02) {
            int fid = ((c.getData()[0] & 0xFF) << 8) | (c.getData()[1] & 0xFF);
            if (!files.containsKey(fid) && !pins.containsKey(fid) && !keys.containsKey(fid)) {
                return sw(0x6A82);
            }
            current = fid;
            return sw(0x9000);
        }
        if (c.getCLA() == 0x00 && c.getINS() == 0xB0) {
            return readBinary(c);
        }
        if (c.getCLA() == 0x00 && c.getINS() == 0x20) {
            return verify(c);
        }
        if (c.getCLA() == 0x80 && c.getINS() == 0x2A) {
            return computeSignature(c);
        }
        return sw(0x6D00);
    }

    private ResponseAPDU readBinary(CommandAPDU c) {
        byte[] file = files.get(current);
        if (file == null) {
            return sw(0x6986);
        }
        if ((current == JpkiFiles.SIGN_CERT && !verified.contains(JpkiFiles.SIGN_PIN))
                || (current == JpkiFiles.AUTH_CERT && authCertNeedsPin && !verified.contains(JpkiFiles.AUTH_PIN))) {
            return sw(0x6982);
        }
        int offset = (c.getP1() << 8) | c.getP2();
        if (offset >= file.length) {
            return sw(0x6B00);
        }
        int available = file.length - offset;
        if (answer6CForLongLe && c.getNe() > available) {
            return sw(0x6C00 | (available >= 256 ? 0 : available));
        }
        return chained(Arrays.copyOfRange(file, offset, offset + Math.min(c.getNe(), available)));
    }

    private ResponseAPDU verify(CommandAPDU c) {
        Integer left = tries.get(current);
        if (left == null) {
            return sw(0x6981);
        }
        if (left == 0) {
            return sw(blockedStatusWord);
        }
        if (c.getData().length == 0) {
            return sw(verified.contains(current) ? 0x9000 : 0x63C0 | left);
        }
        if (pins.get(current).equals(new String(c.getData(), java.nio.charset.StandardCharsets.US_ASCII))) {
            tries.put(current, current == JpkiFiles.AUTH_PIN ? 3 : 5);
            verified.add(current);
            return sw(0x9000);
        }
        verified.remove(current);
        tries.put(current, left - 1);
        return sw(left - 1 == 0 ? blockedStatusWord : 0x63C0 | (left - 1));
    }

    private ResponseAPDU computeSignature(CommandAPDU c) {
        PrivateKey key = keys.get(current);
        int pin = current == JpkiFiles.AUTH_KEY ? JpkiFiles.AUTH_PIN : JpkiFiles.SIGN_PIN;
        if (key == null || !verified.contains(pin)) {
            return sw(0x6982);
        }
        try {
            // NONEwithRSA = PKCS#1 v1.5 padding of the given DigestInfo, as the card does.
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(c.getData());
            return chained(rsa.sign());
        } catch (GeneralSecurityException e) {
            return sw(0x6F00);
        }
    }

    private ResponseAPDU chained(byte[] data) {
        int now = Math.min(data.length, maxResponseBeforeChaining);
        pendingResponse = Arrays.copyOfRange(data, now, data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, now);
        if (pendingResponse.length > 0) {
            out.write(0x61);
            out.write(pendingResponse.length >= 256 ? 0 : pendingResponse.length);
        } else {
            out.write(0x90);
            out.write(0x00);
        }
        return new ResponseAPDU(out.toByteArray());
    }

    private static ResponseAPDU sw(int sw) {
        return ScriptedCardChannel.sw(sw);
    }
}
