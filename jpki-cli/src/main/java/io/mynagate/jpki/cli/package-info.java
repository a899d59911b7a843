/**
 * The {@code bin/jpki} operator command. {@code jpki verify CERT} runs exactly the validation the identity
 * provider runs ({@link io.mynagate.jpki.validation.CertificateValidator}) with trust anchors, intermediates,
 * CRLs and an OCSP responder given on the command line. Exit status: 0 valid, 1 invalid (reason on stdout),
 * 2 usage or input error (message on stderr).
 */
package io.mynagate.jpki.cli;
