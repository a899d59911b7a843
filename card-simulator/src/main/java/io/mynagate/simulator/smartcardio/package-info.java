/**
 * An in-process {@code javax.smartcardio} provider whose readers hold simulated cards. Select it by
 * name exactly as jnasmartcardio is selected for real readers:
 *
 * <pre>{@code
 * TerminalFactory factory = TerminalFactory.getInstance(
 *         VirtualCardProvider.TYPE, card, new VirtualCardProvider());   // type "VirtualCard"
 * CardTerminal reader = factory.terminals().list().get(0);
 * }</pre>
 *
 * The parameter is a {@link io.mynagate.simulator.card.SimulatedCard} (one reader holding it), a
 * {@link io.mynagate.simulator.smartcardio.VirtualReader} (a reader whose card can be inserted and
 * removed while in use), a {@code java.util.List} of readers, or {@code null}: the process-wide
 * {@link io.mynagate.simulator.smartcardio.VirtualReader#shared()} reader, which code that cannot pass a
 * card (the bridge in the demo) uses; it starts with the card named by the system properties
 * {@code mynagate.simulator.dir} (a {@code card-simulator pki init} directory) and
 * {@code mynagate.simulator.card} (a card id, default the first), or empty.
 * Once registered with {@code Security.addProvider}, {@code TerminalFactory.getInstance("VirtualCard",
 * params)} works without the provider argument.
 */
package io.mynagate.simulator.smartcardio;
