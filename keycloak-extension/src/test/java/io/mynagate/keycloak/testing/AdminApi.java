package io.mynagate.keycloak.testing;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API ({@code /admin/realms/...}) through {@code java.net.http} and Nimbus's JSON
 * helpers, as the bootstrap admin of the master realm. Every call checks the status it expects and
 * fails with the method, path, status and body otherwise.
 */
public final class AdminApi {
    // The master realm's access tokens live 60 s; take a new one well before.
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(30);

    private final RunningKeycloak server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenTakenAt = Instant.EPOCH;

    /** @param server the server to administer */
    public AdminApi(RunningKeycloak server) {
        this.server = server;
    }

    /**
     * @param path below {@code /admin/realms}, e.g. {@code /bank/clients}
     * @return the JSON object answered with 200
     */
    public Map<String, Object> getObject(String path) {
        return object(send("GET", path, null, 200).body());
    }

    /**
     * @param path below {@code /admin/realms}
     * @return the JSON array answered with 200
     */
    public List<Object> getArray(String path) {
        try {
            return JSONArrayUtils.parse(send("GET", path, null, 200).body());
        } catch (ParseException e) {
            throw new IllegalStateException("GET " + path + ": not a JSON array", e);
        }
    }

    /**
     * @param path below {@code /admin/realms} ({@code ""} creates a realm)
     * @param json the body
     * @return the Location header of the 201 answer, or {@code null} when there is none
     */
    public String create(String path, Map<String, ?> json) {
        return send("POST", path, JSONObjectUtils.toJSONString(json), 201).headers().firstValue("Location").orElse(null);
    }

    /**
     * @param path below {@code /admin/realms}
     * @param json the body
     */
    public void update(String path, Map<String, ?> json) {
        send("PUT", path, JSONObjectUtils.toJSONString(json), 204, 202);
    }

    /**
     * @param path below {@code /admin/realms}
     * @param expected the status the server must answer with
     * @return the body
     */
    public String post(String path, Map<String, ?> json, int... expected) {
        return send("POST", path, JSONObjectUtils.toJSONString(json), expected).body();
    }

    /** @return {@code value} encoded for a path segment (flow aliases contain spaces) */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(String method, String path, String body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve("/admin/realms" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(request.build());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(method + " /admin/realms" + path + ": status " + response.statusCode()
                + ", body " + response.body());
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenTakenAt.plus(TOKEN_REUSE))) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(server.adminUser())
                + "&password=" + enc(server.adminPassword());
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(
                        server.baseUri().resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: status " + response.statusCode() + ", body " + response.body());
        }
        tokenTakenAt = Instant.now();
        token = (String) object(response.body()).get("access_token");
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Object> object(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + json, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** @return the URI of the realm, e.g. for building the issuer */
    public URI realmUri(String realm) {
        return server.baseUri().resolve("/realms/" + realm);
    }
}
