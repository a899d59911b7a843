package io.mynagate.keycloak.testing;

import io.mynagate.keycloak.card.CardAuthenticatorFactory;
import java.util.List;
import java.util.Map;

/**
 * A copy of a realm's built-in browser flow whose forms subflow runs the card authenticator only, made
 * through the admin REST API as an administrator would in the console (the module's README,
 * "Configure").
 */
public final class CardFlow {
    private CardFlow() {}

    /**
     * @param admin the admin API
     * @param realm the realm
     * @param alias the new flow's alias
     * @param config the card step's settings; {@code null} leaves the step without configuration
     * @return the new flow's id, for a client's browser-flow override
     */
    public static String create(AdminApi admin, String realm, String alias, Map<String, String> config) {
        admin.post("/" + realm + "/authentication/flows/browser/copy", Map.of("newName", alias), 201);
        String forms = alias + " forms";
        for (Map<String, Object> execution : executions(admin, realm, alias)) {
            if (Long.valueOf(1).equals(execution.get("level"))) {
                // username-password form and the conditional OTP subflow of the copied forms subflow
                admin.update(flowPath(realm, alias) + "/executions", Map.of("id", execution.get("id"), "requirement", "DISABLED"));
            }
        }
        admin.post(flowPath(realm, forms) + "/executions/execution", Map.of("provider", CardAuthenticatorFactory.PROVIDER_ID), 201);
        Map<String, Object> card = executions(admin, realm, alias).stream()
                .filter(e -> CardAuthenticatorFactory.PROVIDER_ID.equals(e.get("providerId")))
                .findFirst().orElseThrow();
        admin.update(flowPath(realm, alias) + "/executions", Map.of("id", card.get("id"), "requirement", "REQUIRED"));
        if (config != null) {
            admin.create("/" + realm + "/authentication/executions/" + card.get("id") + "/config",
                    Map.of("alias", alias.replace(' ', '-') + "-card", "config", config));
        }
        return admin.getArray("/" + realm + "/authentication/flows").stream().map(CardFlow::asMap)
                .filter(flow -> alias.equals(flow.get("alias"))).map(flow -> (String) flow.get("id"))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> executions(AdminApi admin, String realm, String alias) {
        return admin.getArray(flowPath(realm, alias) + "/executions").stream().map(CardFlow::asMap).toList();
    }

    private static String flowPath(String realm, String alias) {
        return "/" + realm + "/authentication/flows/" + AdminApi.segment(alias);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }
}
