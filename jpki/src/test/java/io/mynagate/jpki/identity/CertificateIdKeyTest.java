package io.mynagate.jpki.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CertificateIdKeyTest {
    private static final byte[] SECRET = secret(7);
    private static final X500Principal ISSUER =
            new X500Principal("OU=JPKI for user authentication, O=JPKI, C=JP");
    private static final BigInteger SERIAL = new BigInteger("123456789012345678901234567890");

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void computesTheDocumentedEncoding() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("myna-certificate-id/v1".getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        byte[] issuer = ISSUER.getEncoded();
        input.write(ByteBuffer.allocate(4).putInt(issuer.length).array());
        input.write(issuer);
        byte[] serial = SERIAL.toByteArray();
        input.write(ByteBuffer.allocate(4).putInt(serial.length).array());
        input.write(serial);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.toByteArray()));

        assertThat(CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL).value()).isEqualTo(expected).hasSize(43);
    }

    @Test
    void givesTheSameIdForTheSameIssuerAndSerial() {
        assertThat(CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL))
                .isEqualTo(CertificateIdKey.of(secret(7)).idOf(new X500Principal(ISSUER.getEncoded()), SERIAL));
    }

    @Test
    void givesAnotherIdForAnotherSerialIssuerOrSecret() {
        CertificateId id = CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL);

        assertThat(CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL.add(BigInteger.ONE))).isNotEqualTo(id);
        assertThat(CertificateIdKey.of(SECRET).idOf(new X500Principal("OU=JPKI for digital signature, O=JPKI, C=JP"),
                SERIAL)).isNotEqualTo(id);
        assertThat(CertificateIdKey.of(secret(8)).idOf(ISSUER, SERIAL)).isNotEqualTo(id);
    }

    @Test
    void refusesASecretShorterThan256Bits() {
        assertThatThrownBy(() -> CertificateIdKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotShowTheSecret() {
        assertThat(CertificateIdKey.of(SECRET).toString()).doesNotContain(Base64.getEncoder().encodeToString(SECRET))
                .contains("hidden");
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        byte[] secret = secret(7);
        CertificateIdKey key = CertificateIdKey.of(secret);
        Arrays.fill(secret, (byte) 0);

        assertThat(key.idOf(ISSUER, SERIAL)).isEqualTo(CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL));
    }

    @Test
    void givesEachThreadTheSameIdsWhenUsedConcurrently() throws Exception {
        CertificateIdKey key = CertificateIdKey.of(SECRET);
        List<CertificateId> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(CertificateIdKey.of(SECRET).idOf(ISSUER, SERIAL.add(BigInteger.valueOf(i))));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CertificateId>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<CertificateId> ids = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        ids.add(key.idOf(ISSUER, SERIAL.add(BigInteger.valueOf(i))));
                    }
                    return ids;
                }));
            }
            for (Future<List<CertificateId>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
