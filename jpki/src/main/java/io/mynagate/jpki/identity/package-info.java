/**
 * Identity without personal data (docs/architecture.md, "Identity without personal data"): a keyed,
 * stable and unlinkable id of a card certificate ({@link io.mynagate.jpki.identity.CertificateIdKey},
 * {@link io.mynagate.jpki.identity.CertificateId}) for the identity provider's user lookup, and the
 * renewal link between an old certificate's id and a new one's
 * ({@link io.mynagate.jpki.identity.CertificateLink}).
 */
package io.mynagate.jpki.identity;
