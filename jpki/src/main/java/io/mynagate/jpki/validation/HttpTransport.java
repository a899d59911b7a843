package io.mynagate.jpki.validation;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The only way revocation sources reach the network: one HTTP exchange. Tests stub it; the default
 * ({@link #create(Duration, Duration)}) uses {@code java.net.http} with timeouts.
 */
@FunctionalInterface
public interface HttpTransport {

    /** Responses larger than this are refused (a CRL of a large CA is a few MB at most). */
    int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    /**
     * Sends one request and returns the body of a {@code 200} response.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param body the POST body, or {@code null} for a GET
     * @param contentType the POST content type (e.g. {@code application/ocsp-request}), ignored for GET
     * @return the response body, never {@code null}
     * @throws IOException on connection failure, timeout, a status other than 200 or an oversized body
     */
    byte[] exchange(URI uri, byte[] body, String contentType) throws IOException;

    /**
     * The default transport on {@code java.net.http.HttpClient}.
     *
     * @param connectTimeout connection timeout, positive
     * @param requestTimeout whole-request timeout, positive
     * @return a thread-safe transport
     */
    static HttpTransport create(Duration connectTimeout, Duration requestTimeout) {
        return new JdkHttpTransport(connectTimeout, requestTimeout);
    }

    /** @return the default transport with a 5 s connect and 10 s request timeout */
    static HttpTransport createDefault() {
        return create(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
