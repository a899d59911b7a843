/**
 * Reading X.509 certificates from PEM text and certificate files ({@link io.mynagate.jpki.pem.PemCertificates},
 * RFC 7468): the form in which J-LIS publishes the JPKI roots and in which operators and administrators
 * configure trust anchors and intermediates. Parsing only; whether a certificate is trusted is the
 * validation package's job.
 */
package io.mynagate.jpki.pem;
