package io.mynagate.simulator.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.CertificateStatus;
import io.mynagate.simulator.pki.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Serves {@code /crl/<auth|sign>-g<n>.crl}: a fresh RFC 5280 CRL signed by that root, listing its
 * revoked serials with revocation time and reason; valid for {@link #VALIDITY}.
 */
final class CrlHandler implements HttpHandler {
    static final Duration VALIDITY = Duration.ofDays(1);
    private static final Pattern PATH = Pattern.compile("^/crl/(auth|sign)-g([0-9]+)\\.crl$");

    private final TestPki pki;
    private final FaultSwitch faults;

    CrlHandler(TestPki pki, FaultSwitch faults) {
        this.pki = pki;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            faults.delayIfSlow();
            if (faults.mode() == FaultSwitch.Mode.ERROR || faults.mode() == FaultSwitch.Mode.TRY_LATER) {
                int status = faults.mode() == FaultSwitch.Mode.ERROR ? 500 : 503;
                Http.send(exchange, status, "text/plain", "CRL server failure (fault switch)".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            int generation = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (generation < 1 || generation > TestPki.GENERATIONS) {
                Http.send(exchange, 404, "text/plain", "no such CRL".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Http.send(exchange, 200, "application/pkix-crl", crl(CertKind.ofId(m.group(1)), generation));
        }
    }

    byte[] crl(CertKind kind, int generation) throws IOException {
        X509Certificate root = pki.root(kind, generation);
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
        for (Map.Entry<BigInteger, CertificateStatus> entry : pki.revoked(kind, generation).entrySet()) {
            builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue().revokedAt()), entry.getValue().reason().code());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root.getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pki.rootKey(kind, generation)))
                    .getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot sign CRL", e);
        }
    }
}
