package io.mynagate.jpki.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into bytes that refuses more than a limit as soon as the bytes arrive,
 * so that a hostile or broken server cannot make the client buffer an unbounded body.
 */
public final class SizeLimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int maxBytes;
    private final String what;
    private Flow.Subscription subscription;

    private SizeLimitedBody(int maxBytes, String what) {
        this.maxBytes = maxBytes;
        this.what = what;
    }

    /**
     * @param maxBytes the largest body accepted, in bytes
     * @param what how the refusal names the body, e.g. {@code "response"}
     * @return a handler for {@link java.net.http.HttpClient#sendAsync}
     */
    public static HttpResponse.BodyHandler<byte[]> handler(int maxBytes, String what) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        return info -> new SizeLimitedBody(maxBytes, what);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        this.subscription = value;
        value.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (result.isDone()) {
                return;
            }
            if (out.size() + item.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new IOException(what + " larger than " + maxBytes + " bytes"));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
