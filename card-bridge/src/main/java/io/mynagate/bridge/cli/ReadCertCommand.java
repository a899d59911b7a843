package io.mynagate.bridge.cli;

import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.profile.CertificateKind;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code card-bridge read-cert auth|sign}: a certificate of the card as PEM on standard output. The
 * signature certificate carries the four basic attributes, so the card releases it only after the
 * signature password ({@code --password-stdin}); a smartphone wants the PIN before the authentication
 * certificate ({@code --pin-stdin}).
 */
@Command(name = "read-cert", mixinStandardHelpOptions = true,
        description = {"A certificate of the card as PEM: auth (user authentication, free on a card) or sign "
                + "(signature, after the signature password on stdin).",
                "カードの証明書をPEMで出力します（sign は署名用パスワードが必要です）。"})
final class ReadCertCommand implements Callable<Integer> {
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    @Mixin
    CardOptions card;

    @Parameters(index = "0", paramLabel = "auth|sign", description = "Which certificate.")
    String which;

    @Option(names = "--password-stdin", description = "Read the signature password from stdin (needed for sign).")
    boolean passwordStdin;

    @Option(names = "--pin-stdin", description = "Read the authentication PIN from stdin (smartphones want it for auth).")
    boolean pinStdin;

    private final Io io;

    ReadCertCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws JpkiException, IOException {
        CertificateKind kind = kind();
        char[] secret = secret(kind);
        try {
            X509Certificate certificate = card.service().certificate(kind, secret);
            io.out().print(pem(certificate));
            io.out().flush();
            return CardBridgeCli.OK;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private CertificateKind kind() {
        switch (which) {
            case "auth":
                if (passwordStdin) {
                    throw new IllegalArgumentException("--password-stdin belongs to read-cert sign");
                }
                return CertificateKind.AUTHENTICATION;
            case "sign":
                if (pinStdin) {
                    throw new IllegalArgumentException("read-cert sign takes the signature password: --password-stdin");
                }
                if (!passwordStdin) {
                    throw new IllegalArgumentException("read-cert sign needs the signature password on stdin: "
                            + "--password-stdin");
                }
                return CertificateKind.SIGNATURE;
            default:
                throw new IllegalArgumentException("read-cert takes auth or sign");
        }
    }

    private char[] secret(CertificateKind kind) throws IOException {
        if (kind == CertificateKind.SIGNATURE) {
            return io.secrets().read("signature password (署名用パスワード)");
        }
        return pinStdin ? io.secrets().read("PIN (利用者証明用暗証番号)") : null;
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + PEM_BASE64.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate read from the card cannot be encoded", e);
        }
    }
}
