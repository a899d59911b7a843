package io.mynagate.jpki.pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads X.509 certificates from PEM text (RFC 7468 section 5: one or more {@code -----BEGIN CERTIFICATE-----}
 * blocks) or from a file holding PEM text or one DER certificate: the trust anchors and intermediates that
 * {@link io.mynagate.jpki.validation.CertificateValidatorBuilder} takes, as an operator or an administrator
 * downloads them from J-LIS.
 *
 * <p>Strict where a mistake would go unnoticed: a block with another label (a private key, a CRL), a
 * {@code BEGIN} without its {@code END}, characters outside base64, bytes after the certificate's DER
 * encoding, and input holding no certificate at all are refused with a {@link MalformedPemException} that
 * says what and where (file, line), never the content. Text outside the blocks is ignored (RFC 7468
 * section 2), so a bundle with comments or {@code openssl x509 -text} output reads as it is.
 *
 * <p>Stateless and thread-safe.
 */
public final class PemCertificates {
    /** Largest file {@link #read(Path)} accepts: a bundle of every JPKI root is a few kilobytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    // RFC 7468 section 5.1: "CERTIFICATE"; parsers may also accept the two legacy labels.
    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE", "X.509 CERTIFICATE");
    private static final int DER_SEQUENCE = 0x30;

    private PemCertificates() {}

    /**
     * Parses every certificate block of PEM text.
     *
     * @param pem PEM text, never {@code null}; text outside the blocks is ignored
     * @return the certificates in the order of their blocks, at least one; an unmodifiable list
     * @throws MalformedPemException when the text holds no certificate block, a block of another kind, an
     *     unterminated block, invalid base64, or a block that is not exactly one X.509 certificate
     */
    public static List<X509Certificate> parse(String pem) throws MalformedPemException {
        Objects.requireNonNull(pem, "pem");
        return parse(pem, "PEM text");
    }

    /**
     * Reads the certificates of a file: PEM text as {@link #parse(String)} reads it, or else exactly one
     * DER-encoded certificate.
     *
     * @param file the file, never {@code null}; at most {@link #MAX_FILE_BYTES} long
     * @return the certificates in file order, at least one; an unmodifiable list
     * @throws IOException when the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     * @throws MalformedPemException when the content is neither valid PEM certificates nor one DER
     *     certificate, or the file is too large; the message names the file
     */
    public static List<X509Certificate> read(Path file) throws IOException, MalformedPemException {
        Objects.requireNonNull(file, "file");
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        String source = file.toString();
        if (content.length > MAX_FILE_BYTES) {
            throw new MalformedPemException(source + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        // ISO-8859-1 maps every byte to one char, so comments in any encoding cannot break the decoding.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.contains(BEGIN) || content.length == 0 || (content[0] & 0xFF) != DER_SEQUENCE) {
            return parse(text, source);
        }
        return List.of(certificate(content, source + " (no PEM block, read as DER)"));
    }

    private static List<X509Certificate> parse(String text, String source) throws MalformedPemException {
        List<X509Certificate> certificates = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            int beginLine = i + 1;
            String label = label(line, BEGIN, source, beginLine);
            if (!CERTIFICATE_LABELS.contains(label)) {
                throw new MalformedPemException(source + ", line " + beginLine + ": a " + shortened(label)
                        + " block where only CERTIFICATE blocks are expected");
            }
            StringBuilder base64 = new StringBuilder();
            int endLine = -1;
            for (i++; i < lines.length; i++) {
                String body = lines[i].strip();
                if (body.startsWith(END)) {
                    endLine = i + 1;
                    String endLabel = label(body, END, source, endLine);
                    if (!endLabel.equals(label)) {
                        throw new MalformedPemException(source + ", line " + endLine + ": END " + shortened(endLabel)
                                + " does not close BEGIN " + label + " of line " + beginLine);
                    }
                    break;
                }
                if (body.startsWith(BEGIN)) {
                    break;
                }
                base64.append(body.replaceAll("\\s+", ""));
            }
            String where = source + ", block of line " + beginLine;
            if (endLine < 0) {
                throw new MalformedPemException(where + ": BEGIN " + label + " has no END line");
            }
            certificates.add(certificate(decode(base64.toString(), where), where));
        }
        if (certificates.isEmpty()) {
            throw new MalformedPemException(source + ": no -----BEGIN CERTIFICATE----- block");
        }
        return List.copyOf(certificates);
    }

    private static String label(String line, String prefix, String source, int lineNumber)
            throws MalformedPemException {
        if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
            throw new MalformedPemException(source + ", line " + lineNumber + ": not a PEM boundary line");
        }
        return line.substring(prefix.length(), line.length() - DASHES.length());
    }

    private static byte[] decode(String base64, String where) throws MalformedPemException {
        if (base64.isEmpty()) {
            throw new MalformedPemException(where + ": the block is empty");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; the position is enough.
            throw new MalformedPemException(where + ": not valid base64");
        }
    }

    private static X509Certificate certificate(byte[] der, String where) throws MalformedPemException {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // The parser's messages can quote bytes of the input; keep only the type for the reader.
            throw new MalformedPemException(where + ": not an X.509 certificate (" + e.getClass().getSimpleName() + ")");
        }
        try {
            if (certificate.getEncoded().length != der.length) {
                throw new MalformedPemException(where + ": data follows the certificate");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new MalformedPemException(where + ": not an X.509 certificate (" + e.getClass().getSimpleName() + ")");
        }
        return certificate;
    }

    private static String shortened(String label) {
        return label.length() <= 40 ? label : label.substring(0, 40) + "...";
    }
}
