package io.mynagate.keycloak.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for these tests: keeps cookies, follows no redirect on its own (the tests look at
 * each answer), and starts an OpenID Connect authorization code request with PKCE S256 (RFC 7636),
 * {@code state} and {@code nonce}.
 */
public final class Browser {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String acceptLanguage;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackIsSecureContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A browser that states no language preference: the realm's default locale applies. */
    public Browser() {
        this(null);
    }

    /** @param acceptLanguage the {@code Accept-Language} header of every request, e.g. {@code en} */
    public Browser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    /** An authorization request as sent, with what the relying party keeps for the token request. */
    public record Authorization(HttpResponse<String> page, String codeVerifier, String state, String nonce) {}

    /**
     * @param realmUri e.g. {@code http://127.0.0.1:41234/realms/bank}
     * @param clientId the client
     * @param redirectUri one of its redirect URIs
     * @param extra further parameters, e.g. {@code ui_locales}
     * @return the answer to the authorization request
     */
    public HttpResponse<String> authorize(URI realmUri, String clientId, String redirectUri, Map<String, String> extra) {
        return start(realmUri, clientId, redirectUri, extra).page();
    }

    /**
     * Starts an authorization code request with PKCE S256 (RFC 7636), {@code state} and {@code nonce}.
     *
     * @return the first answer and the request's secrets
     */
    public Authorization start(URI realmUri, String clientId, String redirectUri, Map<String, String> extra) {
        String verifier = random();
        String state = random();
        String nonce = random();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", redirectUri);
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        HttpResponse<String> page = get(URI.create(realmUri + "/protocol/openid-connect/auth?" + form(params)));
        return new Authorization(page, verifier, state, nonce);
    }

    /**
     * Follows redirects as a browser does, until an answer that is not a redirect or a redirect to
     * {@code stopAt} (the relying party's redirect URI, which these tests do not serve).
     *
     * @param response an answer
     * @param stopAt a URI prefix not to follow
     * @return the last answer
     */
    public HttpResponse<String> follow(HttpResponse<String> response, String stopAt) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            if (current.statusCode() / 100 != 3) {
                return current;
            }
            URI next = current.uri().resolve(current.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("redirect without Location")));
            if (next.toString().startsWith(stopAt)) {
                return current;
            }
            current = get(next);
        }
        throw new AssertionError("more than 10 redirects");
    }

    /**
     * @param uri the page
     * @return the answer
     */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30)).build());
    }

    /**
     * @param uri where the form posts to
     * @param fields the form fields
     * @return the answer
     */
    public HttpResponse<String> post(URI uri, Map<String, String> fields) {
        return post(uri, fields, Map.of());
    }

    /**
     * @param uri where the form posts to
     * @param fields the form fields
     * @param headers further request headers, e.g. the {@code Origin} a browser sends
     * @return the answer
     */
    public HttpResponse<String> post(URI uri, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * @param html a page
     * @param formId the form's {@code id}
     * @return the form's hidden inputs, name to value, HTML entities of the value decoded
     */
    public static Map<String, String> hiddenFields(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        int end = html.indexOf("</form>", start);
        if (start < 0 || end < 0) {
            throw new AssertionError("no form with id " + formId + " in the page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(html.substring(start, end));
        while (input.find()) {
            fields.put(input.group(1), unescape(input.group(2)));
        }
        return fields;
    }

    /**
     * @param html a page
     * @param id an element's {@code id}
     * @return the element's {@code href}, HTML entities decoded
     */
    public static URI href(String html, String id) {
        Matcher link = Pattern.compile("<a[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!link.find()) {
            throw new AssertionError("no link with id " + id + " in the page");
        }
        Matcher href = Pattern.compile("\\bhref=\"([^\"]*)\"").matcher(link.group());
        if (!href.find()) {
            throw new AssertionError("link " + id + " has no href");
        }
        return URI.create(unescape(href.group(1)));
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /**
     * @param html a page
     * @param formId the form's {@code id}
     * @return the form's {@code action}, HTML entities decoded
     */
    public static URI formAction(String html, String formId) {
        Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form with id " + formId + " in the page");
        }
        Matcher action = Pattern.compile("\\baction=\"([^\"]*)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("form " + formId + " has no action");
        }
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    /**
     * Browsers treat {@code http://127.0.0.1} as a secure context (W3C Secure Contexts, section 3.1) and so
     * does Keycloak, which marks its session cookies {@code Secure} there; {@link CookieManager} sends a
     * secure cookie over https only. This handler lets it see loopback http as what browsers see.
     */
    private static final class LoopbackIsSecureContext extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(asSecure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(asSecure(uri), headers);
        }

        private static URI asSecure(URI uri) {
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
            if (!loopback || !"http".equals(uri.getScheme())) {
                return uri;
            }
            try {
                return new URI("https", uri.getRawAuthority(), uri.getRawPath(), null, null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest original) {
        HttpRequest request = acceptLanguage == null ? original
                : HttpRequest.newBuilder(original, (name, value) -> true).header("Accept-Language", acceptLanguage).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
