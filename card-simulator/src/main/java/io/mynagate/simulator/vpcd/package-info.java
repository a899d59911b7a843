/**
 * A virtual card for {@code vsmartcard-vpcd}, the PC/SC driver that lets a TCP client play the card
 * in a reader of a real {@code pcscd}. vpcd listens (Debian default {@code 127.0.0.1:35963},
 * {@code /etc/reader.conf.d/vpcd}); the card connects. Every message both ways is a 2-byte
 * big-endian length and a payload. A 1-byte payload from vpcd is a control command: {@code 00}
 * power off, {@code 01} power on, {@code 02} reset (no answer to these three), {@code 04} get ATR
 * (answered with the ATR). Any longer payload is a command APDU, answered with the R-APDU.
 * Closing the connection is removing the card.
 */
package io.mynagate.simulator.vpcd;
