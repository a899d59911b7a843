/**
 * The card bridge (カードブリッジ): the resident's local app between the browser, the identity provider
 * and the My Number card, in the role AusweisApp plays for the German eID.
 *
 * <p>{@link io.mynagate.bridge.card} is the bridge's way to the card (readers, status, certificates, card
 * assertions) on top of {@code jpki}; {@link io.mynagate.bridge.server} is the local page the identity
 * provider hands off to ({@code serve}) on top of that; {@link io.mynagate.bridge.cli} is the
 * {@code bin/card-bridge} command line on top of both. Readers come from a {@code javax.smartcardio} provider chosen by name
 * (jnasmartcardio for real readers), so no code here depends on the card simulator.
 */
package io.mynagate.bridge;
