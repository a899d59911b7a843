package io.mynagate.simulator.card;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** One application on the card: its AID, files, PINs and signing keys (by key EF). */
final class CardApplication {
    final String name;
    final byte[] aid;
    final Map<Integer, ElementaryFile> files = new HashMap<>();
    final Map<Integer, PinFile> pins = new HashMap<>();
    /** Key EF id -> key, and key EF id -> the PIN EF that unlocks it. */
    final Map<Integer, PrivateKey> keys = new HashMap<>();
    final Map<Integer, Integer> keyPins = new HashMap<>();

    CardApplication(String name, byte[] aid) {
        this.name = name;
        this.aid = aid.clone();
    }

    boolean hasAid(byte[] candidate) {
        return Arrays.equals(aid, candidate);
    }

    CardApplication file(ElementaryFile file) {
        files.put(file.fid(), file);
        return this;
    }

    CardApplication pin(int fid, PinFile pin) {
        pins.put(fid, pin);
        return this;
    }

    CardApplication key(int fid, PrivateKey key, int pinFid) {
        files.put(fid, ElementaryFile.key(fid));
        keys.put(fid, key);
        keyPins.put(fid, pinFid);
        return this;
    }

    boolean exists(int fid) {
        return files.containsKey(fid) || pins.containsKey(fid);
    }
}
