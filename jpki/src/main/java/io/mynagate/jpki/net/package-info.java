/**
 * Small pieces for jpki's HTTP clients (OCSP and CRL fetching in {@code validation}, key sets in
 * {@code handoff}); no dependency on other jpki packages.
 */
package io.mynagate.jpki.net;
