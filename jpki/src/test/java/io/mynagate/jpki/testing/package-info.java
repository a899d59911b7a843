/**
 * Test fixtures shared by the jpki tests (and by other branches that merge them): {@link
 * io.mynagate.jpki.testing.TestPki}, a Bouncy Castle test PKI shaped like JPKI, and {@link
 * io.mynagate.jpki.testing.TestCrl}, its CRLs for the RFC 5280 section 6.3 cases.
 */
package io.mynagate.jpki.testing;
