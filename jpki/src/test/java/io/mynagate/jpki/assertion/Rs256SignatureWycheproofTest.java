package io.mynagate.jpki.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The card assertion's RS256 check against Project Wycheproof's RSASSA-PKCS1-v1_5 SHA-256 vectors
 * (test resources {@code wycheproof/}): every valid signature verifies, every invalid one is refused.
 */
class Rs256SignatureWycheproofTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void acceptsEveryValidAndRefusesEveryInvalidVector() throws Exception {
        Map<String, Object> file = load("wycheproof/rsa_signature_2048_sha256_test.json");
        List<String> wrong = new ArrayList<>();
        int run = 0;
        int valid = 0;
        for (Object groupObject : (List<?>) file.get("testGroups")) {
            Map<?, ?> group = (Map<?, ?>) groupObject;
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(HEX.parseHex((String) group.get("publicKeyDer"))));
            for (Object testObject : (List<?>) group.get("tests")) {
                Map<?, ?> test = (Map<?, ?>) testObject;
                // The one "acceptable" case is a DigestInfo without the NULL parameters, which RFC 8017
                // section 9.2 (note 2) lets a verifier accept; the JDK's RSA does, and it proves no weakness
                // (the hash is still bound). Pinned here as accepted so that a change is noticed.
                boolean expected = !"invalid".equals(test.get("result"));
                boolean actual = Rs256Signature.verifies(key, HEX.parseHex((String) test.get("msg")),
                        HEX.parseHex((String) test.get("sig")));
                if (actual != expected) {
                    wrong.add("tcId " + test.get("tcId") + " (" + test.get("result") + ", " + test.get("comment") + ")");
                }
                run++;
                valid += expected ? 1 : 0;
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(run).isEqualTo(((Number) file.get("numberOfTests")).intValue());
        assertThat(valid).isPositive();
    }

    private static Map<String, Object> load(String resource) throws Exception {
        try (InputStream in = Rs256SignatureWycheproofTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
