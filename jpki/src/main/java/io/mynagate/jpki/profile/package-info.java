/**
 * JPKI certificate profiles ({@code docs/jpki.md} section 2): telling a
 * user-authentication certificate (利用者証明用電子証明書) from a signature certificate
 * (署名用電子証明書) with {@link io.mynagate.jpki.profile.CertificateKind}, and reading the four
 * basic attributes (基本4情報: name, address, birth date, sex) of a signature certificate into
 * {@link io.mynagate.jpki.profile.BasicAttributes}.
 *
 * <p>These are profile checks only; signatures, paths and revocation are the validation package's job.
 * Values read here are personal data: nothing in this package logs them or puts them in a message.
 */
package io.mynagate.jpki.profile;
