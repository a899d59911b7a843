/**
 * Test fixtures shared by the jpki tests (and by other branches that merge them): {@link
 * io.mynagate.jpki.testing.TestPki}, a Bouncy Castle test PKI shaped like JPKI.
 */
package io.mynagate.jpki.testing;
