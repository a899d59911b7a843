/**
 * The virtual My Number card at APDU level (ISO 7816-4 short and extended APDUs): the JPKI
 * application (公的個人認証AP) and the card-info application (券面事項入力補助AP), as described in
 * {@code docs/jpki.md} section 1.
 *
 * <p>{@link io.mynagate.simulator.card.SimulatedCard} is the whole public face: build one with
 * {@link io.mynagate.simulator.card.SimulatedCard#builder()}, then send it command APDUs. The ways in
 * (an in-process {@code javax.smartcardio} provider, a vpcd client) live in sibling packages.
 */
package io.mynagate.simulator.card;
