package io.mynagate.keycloak.card;

import io.mynagate.jpki.assertion.AssertionVerifier;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The card bridge's way back into the login, on the realm's own origin:
 * {@code /realms/{realm}/}{@value CardReturnResourceProviderFactory#ID}{@code /return}.
 *
 * <ul>
 *   <li>{@code GET return?client_id=..&tab_id=..}: the bridge sends the browser here by top-level
 *       navigation with {@code #assertion=<JWS>}. A tiny page whose script ({@code GET return.js}, the
 *       only script the page's Content-Security-Policy allows) takes the assertion from the fragment,
 *       drops the fragment from the history and posts it here;</li>
 *   <li>{@code POST return}: same origin (checked by {@code Origin} and {@code Sec-Fetch-Site}), so the
 *       browser sends the login's {@code AUTH_SESSION_ID} cookie, which finds the authentication session
 *       of that tab. The assertion is stored as the note {@value CardHandoff#ASSERTION_NOTE} and the
 *       browser is sent (303) back into the flow at the card step, whose {@code authenticate()} verifies
 *       it. Nothing is verified here: one place does that, and maps every outcome.</li>
 * </ul>
 *
 * <p>Why not the card page's own action URL: Keycloak's action codes change with every rendering of a
 * login page, so an answer returning after a reload would reach a stale code. The cookie and the tab id
 * are what Keycloak itself uses to find a login.
 *
 * <p>Refusals never store anything: another origin (403), missing or malformed parameters (400), no
 * login in progress for this browser and tab, e.g. finished, timed out, or another browser (400, with a
 * page saying so). Each is a {@code LOGIN_ERROR} event ({@value #RETURN_REFUSED} or
 * {@value #NO_LOGIN_SESSION}). One instance per request.
 */
public final class CardReturnResource {
    /** Event error: the return was refused before any login was looked up. */
    static final String RETURN_REFUSED = "myna_card_return_refused";
    /** Event error: this browser has no login in progress for that client and tab. */
    static final String NO_LOGIN_SESSION = "myna_card_no_login_session";
    /** Form and query field names. */
    static final String CLIENT_ID = "client_id";
    static final String TAB_ID = "tab_id";
    static final String ASSERTION = "assertion";
    /**
     * Stored at most: one character more than {@code jpki} accepts, so that an oversized answer reaches
     * the verifier as oversized (and is refused there, with its reason) without the session holding it.
     */
    static final int MAX_STORED_ASSERTION = AssertionVerifier.Builder.DEFAULT_MAX_SIZE + 1;

    private static final Logger LOG = Logger.getLogger(CardReturnResource.class);
    // Keycloak's tab ids are short base64url strings.
    private static final Pattern TAB_ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_CLIENT_ID = 255;

    private final KeycloakSession session;
    private final RealmModel realm;

    CardReturnResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /**
     * @param issuer the realm's issuer URL
     * @param clientId the login's client
     * @param tabId the login's tab id in its root authentication session
     * @return the return URI of a hand-off request for that login
     */
    static URI returnUri(String issuer, String clientId, String tabId) {
        return URI.create(issuer + "/" + CardReturnResourceProviderFactory.ID + "/return?" + CLIENT_ID + "="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&" + TAB_ID + "="
                + URLEncoder.encode(tabId, StandardCharsets.UTF_8));
    }

    /**
     * The page the bridge returns to.
     *
     * @param clientId the login's client
     * @param tabId the login's tab
     * @return the page (200), or an error page (400) when a parameter is missing or malformed
     */
    @GET
    @Path("return")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(CLIENT_ID) String clientId, @QueryParam(TAB_ID) String tabId) {
        if (!wellFormed(clientId, tabId)) {
            return refuse(null, "malformed", Response.Status.BAD_REQUEST);
        }
        ClientModel client = realm.getClientByClientId(clientId);
        if (client != null) {
            session.getContext().setClient(client);
        }
        return CardReturnPage.render(session, realm, clientId, tabId);
    }

    /** @return the page's script, the only one its policy allows */
    @GET
    @Path("return.js")
    @Produces("text/javascript")
    public Response script() {
        return CardReturnPage.script(session);
    }

    /**
     * The assertion, posted by the page's script.
     *
     * @param clientId the login's client
     * @param tabId the login's tab
     * @param assertion the card assertion as the bridge gave it; may be missing (then the verifier calls
     *     it malformed)
     * @param origin the {@code Origin} header, the realm's own origin when a browser posts the page
     * @param fetchSite the {@code Sec-Fetch-Site} header, {@code same-origin} when present
     * @return 303 into the flow, or a page saying why not
     */
    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(@FormParam(CLIENT_ID) String clientId, @FormParam(TAB_ID) String tabId,
            @FormParam(ASSERTION) String assertion, @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        if (!SameOrigin.accepts(origin, fetchSite, session.getContext().getUri().getBaseUri())) {
            return refuse(null, "cross_origin", Response.Status.FORBIDDEN);
        }
        if (!wellFormed(clientId, tabId)) {
            return refuse(null, "malformed", Response.Status.BAD_REQUEST);
        }
        ClientModel client = realm.getClientByClientId(clientId);
        AuthenticationSessionModel authSession = client == null ? null
                : new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        if (authSession == null) {
            return noLoginInProgress(client);
        }
        session.getContext().setClient(client);
        if (CardHandoff.awaitsAnswer(authSession)) {
            authSession.setAuthNote(CardHandoff.ASSERTION_NOTE, bounded(assertion));
        } else {
            // The login is not at the card step (or its nonce was used): nothing to answer. Back to
            // wherever the flow is, which shows its current page.
            LOG.debugf("realm %s: card answer for a login not waiting for one; back to its current step", realm.getName());
        }
        URI flow = new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri())
                .getLastExecutionUrl(authSession);
        return Response.seeOther(flow).header("Cache-Control", "no-store").build();
    }

    private static String bounded(String assertion) {
        if (assertion == null) {
            return "";
        }
        return assertion.length() > MAX_STORED_ASSERTION ? assertion.substring(0, MAX_STORED_ASSERTION) : assertion;
    }

    private static boolean wellFormed(String clientId, String tabId) {
        return clientId != null && !clientId.isEmpty() && clientId.length() <= MAX_CLIENT_ID
                && clientId.codePoints().noneMatch(Character::isISOControl)
                && tabId != null && TAB_ID_FORMAT.matcher(tabId).matches();
    }

    private Response noLoginInProgress(ClientModel client) {
        if (client != null) {
            session.getContext().setClient(client);
        }
        event(client).detail(CardAuthenticator.FAILURE_DETAIL, "no_login_session").error(NO_LOGIN_SESSION);
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, "mynaCardNoLoginSession");
    }

    private Response refuse(ClientModel client, String why, Response.Status status) {
        event(client).detail(CardAuthenticator.FAILURE_DETAIL, why.toLowerCase(Locale.ROOT)).error(RETURN_REFUSED);
        return ErrorPage.error(session, null, status, "mynaCardReturnRefused");
    }

    private EventBuilder event(ClientModel client) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN_ERROR);
        return client == null ? event : event.client(client);
    }
}
