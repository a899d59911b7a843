package io.mynagate.jpki.card;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.assertion.Signer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one-shot {@link Signer} of {@link JpkiCardClient#signer(PinKind, char[])}. */
final class CardSigner implements Signer {
    private final JpkiCardClient client;
    private final PinKind kind;
    private final char[] pin;
    private final AtomicBoolean used = new AtomicBoolean();

    CardSigner(JpkiCardClient client, PinKind kind, char[] pinCopy) {
        this.client = client;
        this.kind = kind;
        this.pin = pinCopy;
    }

    @Override
    public byte[] sign(byte[] sha256DigestInfo) throws JpkiException {
        byte[] prefix = JpkiFiles.sha256DigestInfoPrefix();
        if (sha256DigestInfo == null || sha256DigestInfo.length != prefix.length + 32
                || !Arrays.equals(sha256DigestInfo, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalArgumentException("expected the 51-byte DER DigestInfo of a SHA-256 hash");
        }
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("this signer has been used; its PIN copy is wiped");
        }
        try {
            return client.signDigestInfo(kind, pin, sha256DigestInfo.clone());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
