package io.mynagate.jpki.assertion;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made assertions for the verifier tests: any header, any payload, signed with any key. */
final class Forge {
    static final String AUDIENCE = "https://idp.example.jp/realms/myna";
    static final String NONCE = "n-0S6_WzA2Mj";

    final Map<String, Object> header = new LinkedHashMap<>();
    final Map<String, Object> payload = new LinkedHashMap<>();
    private PrivateKey key;

    /** A valid auth assertion of {@code card} issued at {@code now}. */
    static Forge auth(TestPki.Issued card, Instant now) {
        Forge forge = new Forge();
        forge.key = card.privateKey();
        forge.header.put("alg", "RS256");
        forge.header.put("typ", CardAssertion.TYPE);
        forge.header.put("x5c", List.of(x5c(card.certificate())));
        forge.payload.put("aud", AUDIENCE);
        forge.payload.put("nonce", NONCE);
        forge.payload.put("iat", now.getEpochSecond());
        forge.payload.put("purpose", "auth");
        return forge;
    }

    static String x5c(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Forge header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    Forge claim(String name, Object value) {
        if (value == null) {
            payload.remove(name);
        } else {
            payload.put(name, value);
        }
        return this;
    }

    Forge signedBy(PrivateKey privateKey) {
        this.key = privateKey;
        return this;
    }

    String signingInput() {
        return encode(header) + "." + encode(payload);
    }

    /** Signs the signing input with SHA256withRSA, i.e. RS256, whatever the header says. */
    String sign() {
        try {
            String input = signingInput();
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64URL.encode(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json)).toString();
    }
}
