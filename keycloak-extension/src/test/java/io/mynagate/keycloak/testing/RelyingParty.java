package io.mynagate.keycloak.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The relying party's side of the authorization code flow (a confidential client): reads the code from
 * the redirect to its {@code redirect_uri}, checks {@code state}, exchanges the code with its secret and
 * the PKCE verifier (RFC 7636), and reads the ID token's claims.
 */
public final class RelyingParty {
    private final URI realmUri;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param realmUri e.g. {@code http://127.0.0.1:41234/realms/bank}
     * @param clientId the client
     * @param clientSecret its secret
     * @param redirectUri its redirect URI
     */
    public RelyingParty(URI realmUri, String clientId, String clientSecret, String redirectUri) {
        this.realmUri = realmUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** @return the redirect URI */
    public String redirectUri() {
        return redirectUri;
    }

    /** @return the client id */
    public String clientId() {
        return clientId;
    }

    /**
     * @param redirect the answer that redirects to the redirect URI
     * @param authorization the request it answers
     * @return the authorization code
     */
    public String code(HttpResponse<String> redirect, Browser.Authorization authorization) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect, status " + redirect.statusCode()));
        if (!location.startsWith(redirectUri + "?")) {
            throw new AssertionError("not a redirect to " + redirectUri + ": " + location);
        }
        Map<String, String> params = query(URI.create(location).getRawQuery());
        if (!authorization.state().equals(params.get("state"))) {
            throw new AssertionError("state does not match");
        }
        if (params.get("code") == null) {
            throw new AssertionError("no code in the redirect: " + location);
        }
        return params.get("code");
    }

    /**
     * @param code the authorization code
     * @param authorization the request it answers (its PKCE verifier)
     * @return the token response
     */
    public Map<String, Object> exchange(String code, Browser.Authorization authorization) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", authorization.codeVerifier());
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUri + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("token request: status " + response.statusCode() + ", " + response.body());
            }
            return JSONObjectUtils.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param jwt a compact JWS (ID or access token)
     * @return its claims
     */
    public static Map<String, Object> claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
