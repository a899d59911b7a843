package io.mynagate.jpki.validation;


import java.io.IOException;
import java.net.URI;
import io.mynagate.jpki.net.SizeLimitedBody;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.ExecutionException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpTransport} on {@code java.net.http}: a connect timeout, a deadline on the whole exchange
 * (headers and body: {@code HttpRequest.timeout} alone does not bound a slow body), a size limit and no
 * redirects.
 */
final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;
    private final Duration requestTimeout;

    JdkHttpTransport(Duration connectTimeout, Duration requestTimeout) {
        requirePositive(connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        // Redirects are not followed: an OCSP/CRL URL is configured or signed into a certificate.
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    @Override
    public byte[] exchange(URI uri, byte[] body, String contentType) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https are supported, not '" + scheme + "'");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), SizeLimitedBody.handler(MAX_RESPONSE_BYTES, "response"));
        HttpResponse<byte[]> response;
        try {
            response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no answer from " + uri.getHost() + " within " + requestTimeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // The client's own timer can fire before ours; report both the same way.
                throw new IOException("no answer from " + uri.getHost() + " within " + requestTimeout, cause);
            }
            throw cause instanceof IOException ? (IOException) cause
                    : new IOException("request to " + uri.getHost() + " failed", cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode() + " from " + uri.getHost());
        }
        return response.body();
    }
}
