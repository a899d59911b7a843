package io.mynagate.jpki.handoff;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;
import io.mynagate.jpki.net.SizeLimitedBody;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.ExecutionException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET of a JWK set (RFC 7517 section 5) on {@code java.net.http}: a connect timeout, a deadline
 * on the whole response (the client's own request timeout stops at the headers, not a slow body), a
 * size limit, no redirects (the URL is configured; a redirect would let the server pick another).
 */
final class JwksFetcher {
    private final HttpClient client;
    private final Duration readTimeout;
    /** Connect timeout plus read timeout: the outer bound of one fetch. */
    private final Duration deadline;
    private final int maxSize;

    JwksFetcher(Duration connectTimeout, Duration readTimeout, int maxSize) {
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout);
        this.maxSize = maxSize;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @return the set's public keys
     * @throws IOException on connection failure, timeout, a status other than 200, an oversized body
     *     or a body that is not a JWK set
     */
    JWKSet fetch(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, SizeLimitedBody.handler(maxSize, "JWK set"));
        HttpResponse<byte[]> response = await(future, uri);
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode() + " from " + uri.getHost());
        }
        try {
            // Public keys only: whatever else the document holds is never used.
            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8)).toPublicJWKSet();
        } catch (ParseException | RuntimeException e) {
            throw new IOException("the response from " + uri.getHost() + " is not a JWK set", e);
        }
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future, URI uri) throws IOException {
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no complete answer from " + uri.getHost() + " within " + deadline, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause
                    : new IOException("request to " + uri.getHost() + " failed", cause);
        }
    }
}
