package io.mynagate.jpki.card;

import io.mynagate.jpki.assertion.Signer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Client of the JPKI application (公的個人認証AP) on a My Number card or a smartphone token, over
 * any {@link CardChannel}: a real reader through jnasmartcardio and the virtual card take the same
 * code path. Commands and files are those of {@code docs/jpki.md} section 1 (ISO 7816-4 short
 * APDUs).
 *
 * <p>Only the JPKI application is ever selected, and only the files in {@link JpkiFiles}; there is
 * deliberately no way to select the card-info application or to read the My Number.
 *
 * <p>PINs are taken as {@code char[]} and never stored: each call encodes its own byte copy and
 * wipes it when the command has been sent (the caller wipes its array). {@link CommandAPDU} keeps
 * an internal copy that this class cannot reach; it becomes garbage when the call returns.
 *
 * <p>Thread-safe in the sense that methods are serialized: a card has one current file, so
 * select-then-read sequences must not interleave.
 */
public final class JpkiCardClient {
    private static final int INS_SELECT = 0xA4;
    private static final int INS_READ_BINARY = 0xB0;
    private static final int INS_VERIFY = 0x20;
    private static final int INS_COMPUTE_SIGNATURE = 0x2A;
    private static final int SELECT_BY_AID = 0x04;
    private static final int SELECT_EF_UNDER_CURRENT_DF = 0x02;
    private static final int NO_RESPONSE_DATA = 0x0C;
    private static final int VERIFY_SPECIFIC_REFERENCE = 0x80;

    /** 4 bytes: tag and a length of up to 0x82 form; a 0x83 length needs one more. */
    private static final int HEADER_LENGTH = 4;
    /** The largest file we read; JPKI certificates are about 1.5 to 2 KB. */
    private static final int MAX_FILE_LENGTH = 16 * 1024;
    private static final int MAX_CHUNK = 0xFF;
    private static final int TOKEN_LABEL_LENGTH = 32;
    private static final int RSA_2048_SIGNATURE_LENGTH = 256;
    private static final int SHA256_LENGTH = 32;

    private final ApduTransport transport;
    private String tokenLabel;

    private JpkiCardClient(ApduTransport transport) {
        this.transport = transport;
    }

    /**
     * Selects the JPKI application ({@code 00 A4 04 0C 0A <AID>}) on the card behind {@code channel}.
     * The card is identified by this selection, never by its ATR.
     *
     * @param channel an open channel to the card, not null; the client does not close it
     * @return a client for this card
     * @throws NotJpkiCardException when the card has no JPKI application
     * @throws CardRemovedException when the card is gone
     * @throws JpkiCardException for any other refusal
     */
    public static JpkiCardClient open(CardChannel channel) throws JpkiCardException {
        ApduTransport transport = new ApduTransport(Objects.requireNonNull(channel, "channel"));
        ResponseAPDU response = transport.transmit(
                new CommandAPDU(0x00, INS_SELECT, SELECT_BY_AID, NO_RESPONSE_DATA, JpkiFiles.jpkiAid()));
        int sw = response.getSW();
        if (sw != StatusWords.OK) {
            if (StatusWords.isNoSuchApplication(sw)) {
                throw new NotJpkiCardException(sw);
            }
            throw new UnexpectedStatusWordException("SELECT JPKI application", sw);
        }
        return new JpkiCardClient(transport);
    }

    /**
     * The token label from EF {@code 0006} (the first 32 bytes of CK_TOKEN_INFO, padding removed);
     * empty when the file is missing or empty. Read once, then remembered.
     */
    public synchronized String tokenLabel() throws JpkiCardException {
        if (tokenLabel == null) {
            tokenLabel = readTokenLabel();
        }
        return tokenLabel;
    }

    /** What carries the JPKI application, from {@link #tokenLabel()}. */
    public TokenKind tokenKind() throws JpkiCardException {
        return TokenKind.ofLabel(tokenLabel());
    }

    private String readTokenLabel() throws JpkiCardException {
        if (!selectFile(JpkiFiles.TOKEN_INFO)) {
            return "";
        }
        byte[] bytes = readBinary(JpkiFiles.TOKEN_INFO, 0, TOKEN_LABEL_LENGTH);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0 || bytes[end - 1] == (byte) 0xFF)) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Reads the user-authentication certificate (EF {@code 000A}), free on a card. A smartphone token
     * asks for the PIN first: use {@link #readAuthenticationCertificate(char[])} there.
     *
     * @throws SecurityStatusNotSatisfiedException when the token wants the PIN first
     * @throws MalformedCardDataException when the file holds no DER certificate
     */
    public synchronized X509Certificate readAuthenticationCertificate() throws JpkiCardException {
        return requireCertificate(JpkiFiles.AUTH_CERT);
    }

    /**
     * VERIFYs the authentication PIN, then reads the user-authentication certificate, as smartphone
     * tokens require. A wrong PIN spends a try.
     *
     * @param pin the 4-digit PIN, not stored; the caller wipes it
     * @throws WrongPinException with the tries left
     * @throws PinBlockedException when the PIN is blocked
     * @throws PinFormatException when the PIN is not 4 digits (no try spent)
     */
    public synchronized X509Certificate readAuthenticationCertificate(char[] pin) throws JpkiCardException {
        verifyPin(PinKind.AUTHENTICATION, pin);
        return requireCertificate(JpkiFiles.AUTH_CERT);
    }

    /**
     * VERIFYs the signature password, then reads the signature certificate (EF {@code 0001}). When
     * the token has no signature certificate this is found before VERIFY, so no try is spent.
     *
     * @param password the 6-16 character password (A-Z, 0-9), not stored; the caller wipes it
     * @throws NoSignatureCertificateException when the file is missing, empty or all {@code FF}
     * @throws WrongPinException with the tries left
     * @throws PinBlockedException when the password is blocked
     */
    public synchronized X509Certificate readSignatureCertificate(char[] password) throws JpkiCardException {
        if (!selectFile(JpkiFiles.SIGN_CERT)) {
            throw new NoSignatureCertificateException();
        }
        verifyPin(PinKind.SIGNATURE, password);
        if (!selectFile(JpkiFiles.SIGN_CERT)) {
            throw new NoSignatureCertificateException();
        }
        Optional<byte[]> der = readSelectedDer(JpkiFiles.SIGN_CERT);
        if (der.isEmpty()) {
            throw new NoSignatureCertificateException();
        }
        return certificate(der.get());
    }

    /**
     * Reads the issuing CA certificate of the authentication certificate (EF {@code 000B}). Never
     * trust it as an anchor: it is what the card says, not what the verifier configured.
     */
    public synchronized X509Certificate readAuthenticationCaCertificate() throws JpkiCardException {
        return requireCertificate(JpkiFiles.AUTH_CA_CERT);
    }

    /** Reads the issuing CA certificate of the signature certificate (EF {@code 0002}); never an anchor. */
    public synchronized X509Certificate readSignatureCaCertificate() throws JpkiCardException {
        return requireCertificate(JpkiFiles.SIGN_CA_CERT);
    }

    /**
     * Tries left for a PIN: VERIFY without data, which answers {@code 63Cx} and spends no try.
     *
     * @return tries left; 0 when blocked; {@link PinKind#maxTries()} when the PIN is already
     *     verified in this session (a successful VERIFY resets the counter)
     * @throws NoSignatureCertificateException when asked for the signature PIN of a token without one
     */
    public synchronized int triesLeft(PinKind kind) throws JpkiCardException {
        selectPinFile(kind);
        int sw = transport.transmit(new CommandAPDU(0x00, INS_VERIFY, 0x00, VERIFY_SPECIFIC_REFERENCE)).getSW();
        if (StatusWords.isBlocked(sw)) {
            return 0;
        }
        if (StatusWords.isTriesLeft(sw)) {
            return sw & 0x0F;
        }
        if (sw == StatusWords.OK) {
            return kind.maxTries();
        }
        throw statusError("VERIFY (tries left)", sw);
    }

    /**
     * VERIFYs a PIN ({@code 00 20 00 80 Lc <PIN as ASCII>}) after selecting its file.
     *
     * @param kind which PIN
     * @param pin the PIN, not stored; the caller wipes it
     * @throws PinFormatException when it cannot be right (no try spent)
     * @throws WrongPinException with the tries left
     * @throws PinBlockedException on {@code 63C0}, {@code 6983} or {@code 6984}
     */
    public synchronized void verifyPin(PinKind kind, char[] pin) throws JpkiCardException {
        byte[] encoded = kind.encode(pin);
        try {
            selectPinFile(kind);
            int sw = transport.transmit(
                    new CommandAPDU(0x00, INS_VERIFY, 0x00, VERIFY_SPECIFIC_REFERENCE, encoded)).getSW();
            if (sw == StatusWords.OK) {
                return;
            }
            if (StatusWords.isBlocked(sw)) {
                throw new PinBlockedException(kind);
            }
            if (StatusWords.isTriesLeft(sw)) {
                throw new WrongPinException(kind, sw & 0x0F);
            }
            throw statusError("VERIFY", sw);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * Signs a SHA-256 hash with the key {@code kind} unlocks: VERIFY, SELECT the key file, then
     * COMPUTE DIGITAL SIGNATURE ({@code 80 2A 00 80 Lc <DigestInfo> 00}). The card pads with PKCS#1
     * v1.5, so the result is an RS256 signature of whatever was hashed.
     *
     * @param kind which key (and PIN)
     * @param pin the PIN, not stored; the caller wipes it
     * @param sha256Hash the 32-byte hash
     * @return the 256-byte RSA-2048 signature
     * @throws IllegalArgumentException when the hash is not 32 bytes
     */
    public synchronized byte[] sign(PinKind kind, char[] pin, byte[] sha256Hash) throws JpkiCardException {
        if (sha256Hash == null || sha256Hash.length != SHA256_LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash is 32 bytes");
        }
        byte[] prefix = JpkiFiles.sha256DigestInfoPrefix();
        byte[] digestInfo = Arrays.copyOf(prefix, prefix.length + SHA256_LENGTH);
        System.arraycopy(sha256Hash, 0, digestInfo, prefix.length, SHA256_LENGTH);
        return signDigestInfo(kind, pin, digestInfo);
    }

    /**
     * A one-shot {@link Signer} for card assertions: it signs one SHA-256 DigestInfo with the key
     * {@code kind} unlocks. It keeps a copy of the PIN until that signature, then wipes it; a second
     * use is refused.
     *
     * @param kind which key (and PIN)
     * @param pin the PIN; copied, so the caller may wipe its array at once
     */
    public Signer signer(PinKind kind, char[] pin) {
        return new CardSigner(this, Objects.requireNonNull(kind, "kind"), pin.clone());
    }

    synchronized byte[] signDigestInfo(PinKind kind, char[] pin, byte[] digestInfo) throws JpkiCardException {
        verifyPin(kind, pin);
        if (!selectFile(kind.keyFile())) {
            throw new UnexpectedStatusWordException("SELECT key", StatusWords.FILE_NOT_FOUND);
        }
        ResponseAPDU response = transport.transmit(new CommandAPDU(
                0x80, INS_COMPUTE_SIGNATURE, 0x00, VERIFY_SPECIFIC_REFERENCE, digestInfo, 256));
        if (response.getSW() != StatusWords.OK) {
            throw statusError("COMPUTE DIGITAL SIGNATURE", response.getSW());
        }
        byte[] signature = response.getData();
        if (signature.length != RSA_2048_SIGNATURE_LENGTH) {
            throw new MalformedCardDataException("signature of " + signature.length + " bytes, expected 256");
        }
        return signature;
    }

    private void selectPinFile(PinKind kind) throws JpkiCardException {
        if (!selectFile(kind.pinFile())) {
            if (kind == PinKind.SIGNATURE) {
                throw new NoSignatureCertificateException();
            }
            throw new UnexpectedStatusWordException("SELECT PIN", StatusWords.FILE_NOT_FOUND);
        }
    }

    private X509Certificate requireCertificate(int file) throws JpkiCardException {
        if (!selectFile(file)) {
            throw new UnexpectedStatusWordException(String.format("SELECT EF %04X", file), StatusWords.FILE_NOT_FOUND);
        }
        Optional<byte[]> der = readSelectedDer(file);
        if (der.isEmpty()) {
            throw new MalformedCardDataException(String.format("EF %04X is empty", file));
        }
        return certificate(der.get());
    }

    /** SELECT EF ({@code 00 A4 02 0C 02 <FID>}); false when the file does not exist. */
    private boolean selectFile(int file) throws JpkiCardException {
        byte[] fid = {(byte) (file >> 8), (byte) file};
        int sw = transport.transmit(
                new CommandAPDU(0x00, INS_SELECT, SELECT_EF_UNDER_CURRENT_DF, NO_RESPONSE_DATA, fid)).getSW();
        if (sw == StatusWords.OK) {
            return true;
        }
        if (sw == StatusWords.FILE_NOT_FOUND) {
            return false;
        }
        throw statusError(String.format("SELECT EF %04X", file), sw);
    }

    /**
     * Reads the DER object at the start of the selected file: a short header first, the length from
     * it, then the rest in chunks; the {@code FF} padding after the object is never read. Empty when
     * the file is empty or starts with {@code FF}.
     */
    private Optional<byte[]> readSelectedDer(int file) throws JpkiCardException {
        byte[] header = readBinary(file, 0, HEADER_LENGTH);
        if (header.length == 0 || header[0] == (byte) 0xFF) {
            return Optional.empty();
        }
        if (header.length < 2 || header[0] != 0x30) {
            throw new MalformedCardDataException(String.format("EF %04X does not start with a DER SEQUENCE", file));
        }
        int first = header[1] & 0xFF;
        int lengthBytes = first < 0x80 ? 0 : first & 0x7F;
        if (lengthBytes > 3 || first == 0x80) {
            throw new MalformedCardDataException(String.format("EF %04X has an unsupported DER length", file));
        }
        int headerLength = 2 + lengthBytes;
        if (header.length < headerLength) {
            header = concat(header, readBinary(file, header.length, headerLength - header.length));
            if (header.length < headerLength) {
                throw new MalformedCardDataException(String.format("EF %04X ends inside the DER header", file));
            }
        }
        long contentLength = first;
        if (lengthBytes > 0) {
            contentLength = 0;
            for (int i = 0; i < lengthBytes; i++) {
                contentLength = (contentLength << 8) | (header[2 + i] & 0xFF);
            }
        }
        long total = headerLength + contentLength;
        if (total > MAX_FILE_LENGTH) {
            throw new MalformedCardDataException(String.format("EF %04X claims more than %d bytes", file, MAX_FILE_LENGTH));
        }
        byte[] der = new byte[(int) total];
        int offset = Math.min(header.length, der.length);
        System.arraycopy(header, 0, der, 0, offset);
        while (offset < der.length) {
            byte[] chunk = readBinary(file, offset, Math.min(MAX_CHUNK, der.length - offset));
            if (chunk.length == 0) {
                throw new MalformedCardDataException(String.format("EF %04X ends before its DER object", file));
            }
            int take = Math.min(chunk.length, der.length - offset);
            System.arraycopy(chunk, 0, der, offset, take);
            offset += take;
        }
        return Optional.of(der);
    }

    /** READ BINARY ({@code 00 B0 <offset> <Le>}); fewer bytes (or none) at the end of the file. */
    private byte[] readBinary(int file, int offset, int length) throws JpkiCardException {
        ResponseAPDU response = transport.transmit(
                new CommandAPDU(0x00, INS_READ_BINARY, (offset >> 8) & 0x7F, offset & 0xFF, length));
        int sw = response.getSW();
        if (sw == StatusWords.OK || sw == StatusWords.END_OF_FILE_REACHED) {
            byte[] data = response.getData();
            return data.length > length ? Arrays.copyOf(data, length) : data;
        }
        if (sw == StatusWords.WRONG_OFFSET) {
            return new byte[0];
        }
        throw statusError(String.format("READ BINARY EF %04X", file), sw);
    }

    private static X509Certificate certificate(byte[] der) throws MalformedCardDataException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new MalformedCardDataException("the file holds no X.509 certificate", e);
        }
    }

    private static JpkiCardException statusError(String step, int sw) {
        if (sw == StatusWords.SECURITY_STATUS_NOT_SATISFIED) {
            return new SecurityStatusNotSatisfiedException(step);
        }
        return new UnexpectedStatusWordException(step, sw);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
