/**
 * Test support for the integration tests: {@link io.mynagate.keycloak.testing.KeycloakDistribution}
 * runs the official Keycloak distribution with this module's providers,
 * {@link io.mynagate.keycloak.testing.KeycloakServerExtension} shares one server among all tests,
 * {@link io.mynagate.keycloak.testing.AdminApi} and {@link io.mynagate.keycloak.testing.Browser} talk to it
 * over HTTP as an administrator and as a resident's browser would.
 */
package io.mynagate.keycloak.testing;
