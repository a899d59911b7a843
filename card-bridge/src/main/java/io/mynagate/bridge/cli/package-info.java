/**
 * {@code bin/card-bridge}: the card bridge's command line ({@link io.mynagate.bridge.cli.CardBridgeCli}),
 * {@code status}, {@code read-cert auth|sign} and {@code assert}, on top of
 * {@link io.mynagate.bridge.card.CardService}. Secrets come from standard input (or the terminal without
 * echo), results go to standard output, and every failure is one line on standard error with
 * {@code jpki}'s reason code; exit status 0 done, 1 refused, 2 usage, 3 unavailable, 4 internal.
 */
package io.mynagate.bridge.cli;
