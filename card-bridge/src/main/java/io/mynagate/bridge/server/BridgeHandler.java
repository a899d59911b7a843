package io.mynagate.bridge.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;

/**
 * The one entry of every request: the {@code Host} check first (421 for any other name: DNS rebinding),
 * then the route and its method (405 with {@code Allow} for any other, OPTIONS included, so no CORS
 * preflight ever succeeds), then the endpoint. The one place where an unexpected failure becomes a 500
 * page; it logs the exception's type only, as messages were not written with the resident's data in mind.
 */
final class BridgeHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(BridgeHandler.class.getName());
    private static final String HANDOFF_PREFIX = "/handoff/";
    private static final String SIGN_SUFFIX = "/sign";

    private final LoopbackHost host;
    private final HomeEndpoint home;
    private final HandoffEndpoint handoff;
    private final RequestEndpoint page;
    private final SignEndpoint sign;
    private final Assets assets;

    BridgeHandler(LoopbackHost host, HomeEndpoint home, HandoffEndpoint handoff, RequestEndpoint page,
            SignEndpoint sign, Assets assets) {
        this.host = host;
        this.home = home;
        this.handoff = handoff;
        this.page = page;
        this.sign = sign;
        this.assets = assets;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Language language = Language.JA;
        try {
            String explicit = Query.single(exchange.getRequestURI().getRawQuery(), "lang");
            language = Language.choose(explicit, exchange.getRequestHeaders().getFirst("Accept-Language"));
            route(exchange, language, explicit);
        } catch (IOException e) {
            // The browser went away; nothing to answer.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error: {0}", e.getClass().getName());
            try {
                Responses.page(exchange, 500, Pages.refusal(language, "internal"), null);
            } catch (IOException | RuntimeException ignored) {
                // The response may have been started already; closing the exchange below ends it.
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, Language language, String explicit) throws IOException {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        if (hosts == null || hosts.size() != 1 || !host.isOwnHost(hosts.get(0))) {
            LOG.log(System.Logger.Level.WARNING, "refused a request for another host (DNS rebinding?)");
            Responses.page(exchange, 421, Pages.refusal(language, "misdirected_host"), null);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/")) {
            if (requireMethod(exchange, language, method, "GET")) {
                home.handle(exchange, language);
            }
        } else if (path.equals("/handoff")) {
            if (requireMethod(exchange, language, method, "GET")) {
                handoff.handle(exchange, language, explicit);
            }
        } else if (Assets.isAsset(path)) {
            if (requireMethod(exchange, language, method, "GET")) {
                assets.handle(exchange, path);
            }
        } else if (path.startsWith(HANDOFF_PREFIX) && path.endsWith(SIGN_SUFFIX)
                && PendingRequests.isToken(id(path, SIGN_SUFFIX))) {
            if (requireMethod(exchange, language, method, "POST")) {
                sign.handle(exchange, language, id(path, SIGN_SUFFIX));
            }
        } else if (path.startsWith(HANDOFF_PREFIX) && PendingRequests.isToken(id(path, ""))) {
            if (requireMethod(exchange, language, method, "GET")) {
                page.handle(exchange, language, id(path, ""));
            }
        } else {
            Responses.page(exchange, 404, Pages.refusal(language, "not_found"), null);
        }
    }

    private static String id(String path, String suffix) {
        if (path.length() < HANDOFF_PREFIX.length() + suffix.length()) {
            return "";
        }
        return path.substring(HANDOFF_PREFIX.length(), path.length() - suffix.length());
    }

    /** @return whether {@code method} is the one the path takes; otherwise 405 was sent */
    private static boolean requireMethod(HttpExchange exchange, Language language, String method, String allowed)
            throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        Responses.methodNotAllowed(exchange, allowed, Pages.refusal(language, "method_not_allowed"));
        return false;
    }
}
