/**
 * The JPKI library shared by the card bridge, the Keycloak extension and the card simulator.
 *
 * <ul>
 *   <li>{@code card}: the JPKI application protocol over {@code javax.smartcardio} (ISO 7816-4);</li>
 *   <li>{@code profile}: certificate profiles (利用者証明用 / 署名用) and the four basic attributes;</li>
 *   <li>{@code assertion}: the card assertion, a compact JWS signed by the card;</li>
 *   <li>{@code validation}: PKIX path validation to JPKI roots, profile checks, revocation;</li>
 *   <li>{@code pem}: reading certificates (trust anchors, intermediates) from PEM text and files.</li>
 * </ul>
 *
 * <p>There is deliberately no way in this library to read the My Number. It brings no logging backend
 * ({@link System.Logger} only) and no command-line parser, so it loads inside Keycloak; the {@code bin/jpki}
 * operator command is the {@code jpki-cli} module.
 */
package io.mynagate.jpki;
