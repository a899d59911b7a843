package io.mynagate.jpki.handoff;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-made hand-off requests for the verifier tests: any header, any payload, signed with any key
 * through Nimbus's signers directly (not the code under test).
 */
final class Forge {
    private static final AtomicLong JTIS = new AtomicLong();

    final Map<String, Object> header = new LinkedHashMap<>();
    final Map<String, Object> payload = new LinkedHashMap<>();
    private PrivateKey key = Realm.RSA.getPrivate();
    private JWSAlgorithm signingAlgorithm = JWSAlgorithm.RS256;

    /** A valid {@code auth} request of {@link Realm}, RS256, issued at {@code now}, living 120 s. */
    static Forge auth(Instant now) {
        Forge forge = new Forge();
        forge.header.put("alg", "RS256");
        forge.header.put("typ", HandoffRequest.TYPE);
        forge.header.put("kid", Realm.RS_KID);
        forge.payload.put("iss", Realm.ISSUER);
        forge.payload.put("aud", HandoffRequest.AUDIENCE);
        forge.payload.put("jti", "jti-" + JTIS.incrementAndGet());
        forge.payload.put("iat", now.getEpochSecond());
        forge.payload.put("exp", now.getEpochSecond() + 120);
        forge.payload.put("nonce", Realm.NONCE);
        forge.payload.put("purpose", "auth");
        forge.payload.put("return_uri", Realm.RETURN_URI);
        forge.payload.put("client_id", "mirai-bank");
        forge.payload.put("client_name", "みらい銀行 Mirai Bank");
        return forge;
    }

    /** A valid {@code share} request asking for {@code name} and {@code age_over_18}. */
    static Forge share(Instant now) {
        return auth(now).claim("purpose", "share").claim("claims", List.of("name", "age_over_18"));
    }

    Forge header(String name, Object value) {
        put(header, name, value);
        return this;
    }

    Forge claim(String name, Object value) {
        put(payload, name, value);
        return this;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
    }

    /** Sign with this key and algorithm, whatever the header says; {@code alg} in the header unchanged. */
    Forge signedBy(PrivateKey privateKey, JWSAlgorithm algorithm) {
        this.key = privateKey;
        this.signingAlgorithm = algorithm;
        return this;
    }

    /** The header says {@code alg} and {@code kid}, and the signature is made accordingly. */
    Forge keyAndAlgorithm(PrivateKey privateKey, String alg, String kid) {
        header.put("alg", alg);
        header.put("kid", kid);
        return signedBy(privateKey, JWSAlgorithm.parse(alg));
    }

    String signingInput() {
        return encode(header) + "." + encode(payload);
    }

    String sign() {
        try {
            String input = signingInput();
            byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
            JWSHeader signingHeader = new JWSHeader(signingAlgorithm);
            Base64URL signature = signingAlgorithm.equals(JWSAlgorithm.ES256)
                    ? new ECDSASigner((ECPrivateKey) key).sign(signingHeader, bytes)
                    : new RSASSASigner(key, true).sign(signingHeader, bytes);
            return input + "." + signature;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unsecured form: signing input and an empty signature. */
    String unsigned() {
        return signingInput() + ".";
    }

    static String encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
