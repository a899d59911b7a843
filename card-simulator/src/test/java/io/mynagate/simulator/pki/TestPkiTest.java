package io.mynagate.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.profile.BasicAttributes;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.jpki.profile.Sex;
import io.mynagate.simulator.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test PKI: JPKI-shaped roots and end-entity certificates, revocation, renewal, persistence. */
class TestPkiTest {
    private final TestPki pki = Fixtures.pki();

    @Test
    void hasTwoRootGenerationsWithTheSameDnButDifferentKeys() {
        for (CertKind kind : CertKind.values()) {
            X509Certificate g1 = pki.root(kind, 1);
            X509Certificate g2 = pki.root(kind, 2);
            assertThat(g1.getSubjectX500Principal()).isEqualTo(g2.getSubjectX500Principal());
            assertThat(g1.getPublicKey()).isNotEqualTo(g2.getPublicKey());
            assertThat(g1.getNotBefore()).isBefore(g2.getNotBefore());
        }
    }

    @Test
    void rootsHaveJpkiShapedTestDns() {
        assertThat(pki.root(CertKind.AUTH, 2).getSubjectX500Principal()).isEqualTo(new X500Principal(
                "OU=Japan Agency for Local Authority Information Systems, OU=JPKI for user authentication, "
                        + "O=JPKI-TEST, C=JP"));
        assertThat(pki.root(CertKind.SIGN, 1).getSubjectX500Principal().getName()).contains("OU=JPKI for digital signature");
    }

    @Test
    void authenticationCertificateCarriesNoPersonalData() throws Exception {
        X509Certificate auth = Fixtures.adultCard().authCertificate();
        X500Name subject = X500Name.getInstance(auth.getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs()).extracting(rdn -> rdn.getFirst().getType())
                .containsExactly(BCStyle.C, BCStyle.CN);
        assertThat(auth.getSubjectAlternativeNames()).isNull();
        assertThat(CertificateKind.of(auth)).isEqualTo(CertificateKind.AUTHENTICATION);
    }

    @Test
    void signatureCertificateHasTwoLocalitiesAndTheFourAttributes() throws Exception {
        X509Certificate sign = Fixtures.adultCard().signatureCertificate().orElseThrow();
        X500Name subject = X500Name.getInstance(sign.getSubjectX500Principal().getEncoded());
        RDN[] localities = subject.getRDNs(BCStyle.L);
        assertThat(localities).extracting(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()))
                .containsExactly("東京都", "千代田区");
        assertThat(CertificateKind.of(sign)).isEqualTo(CertificateKind.SIGNATURE);
        BasicAttributes attributes = BasicAttributes.from(sign);
        assertThat(attributes.name()).isEqualTo(Fixtures.NAME);
        assertThat(attributes.address()).isEqualTo(Fixtures.ADDRESS);
        assertThat(attributes.birthDate()).isEqualTo(Fixtures.BIRTH);
        assertThat(attributes.birthDateEraDigit()).hasValue(4);
        assertThat(attributes.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void endEntitiesNameTheirRootByKeyIdentifier() throws Exception {
        X509Certificate auth = Fixtures.adultCard().authCertificate();
        X509Certificate root = Fixtures.adultCard().authCaCertificate();
        auth.verify(root.getPublicKey());
        byte[] aki = AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(auth.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets())
                .getKeyIdentifierOctets();
        byte[] ski = SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(root.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets())
                .getKeyIdentifier();
        assertThat(aki).isEqualTo(ski);
    }

    @Test
    void certificatesPointAtTheSimulatorsOcspAndCrlServices() {
        X509Certificate auth = Fixtures.adultCard().authCertificate();
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(
                auth.getExtensionValue(Extension.authorityInfoAccess.getId())).getOctets());
        assertThat(aia.getAccessDescriptions()[0].getAccessLocation().getName().toString()).isEqualTo(pki.ocspUrl());
        CRLDistPoint dp = CRLDistPoint.getInstance(ASN1OctetString.getInstance(
                auth.getExtensionValue(Extension.cRLDistributionPoints.getId())).getOctets());
        GeneralName url = GeneralNames.getInstance(dp.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0];
        assertThat(url.getName().toString()).isEqualTo(pki.crlUrl(CertKind.AUTH, 2));
    }

    @Test
    void validityEndsOnTheHoldersFifthBirthdayAfterIssue() {
        X509Certificate auth = Fixtures.adultCard().authCertificate();
        LocalDate issued = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = auth.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(end.getMonth()).isEqualTo(Fixtures.BIRTH.getMonth());
        assertThat(end.getDayOfMonth()).isEqualTo(Fixtures.BIRTH.getDayOfMonth());
        assertThat(end).isAfter(issued.plusYears(4)).isBeforeOrEqualTo(issued.plusYears(5));
    }

    @Test
    void issuesUnderAnOlderGenerationOnRequest() throws Exception {
        IssuedCard card = pki.issue(Fixtures.adult().withoutSignatureCertificate(), 1);
        card.authCertificate().verify(pki.root(CertKind.AUTH, 1).getPublicKey());
        assertThat(pki.status(CertKind.AUTH, 1, card.authCertificate().getSerialNumber()).state())
                .isEqualTo(CertificateStatus.State.GOOD);
        assertThat(pki.status(CertKind.AUTH, 2, card.authCertificate().getSerialNumber()).state())
                .isEqualTo(CertificateStatus.State.UNKNOWN);
    }

    @Test
    void revocationRecordsTimeAndReason() {
        IssuedCard card = Fixtures.issue(Fixtures.adult());
        pki.revoke(card.id(), RevocationReason.KEY_COMPROMISE, null);
        CertificateStatus status = pki.status(CertKind.AUTH, 2, card.authCertificate().getSerialNumber());
        assertThat(status.state()).isEqualTo(CertificateStatus.State.REVOKED);
        assertThat(status.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(status.revokedAt()).isNotNull();
        assertThat(pki.revoked(CertKind.SIGN, 2)).containsKey(card.signatureCertificate().orElseThrow().getSerialNumber());
    }

    @Test
    void revokingOnlyTheSignatureCertificateKeepsAuthentication() {
        IssuedCard card = Fixtures.issue(Fixtures.adult());
        pki.revoke(card.id(), RevocationReason.AFFILIATION_CHANGED, CertKind.SIGN);
        assertThat(pki.status(CertKind.AUTH, 2, card.authCertificate().getSerialNumber()).state())
                .isEqualTo(CertificateStatus.State.GOOD);
        assertThat(pki.status(CertKind.SIGN, 2, card.signatureCertificate().orElseThrow().getSerialNumber()).state())
                .isEqualTo(CertificateStatus.State.REVOKED);
    }

    @Test
    void renewalIssuesNewCertificatesAndLinksOldToNew() {
        IssuedCard old = Fixtures.issue(Fixtures.adult());
        IssuedCard renewed = pki.renew(old.id());
        assertThat(renewed.id()).isEqualTo(old.id());
        assertThat(renewed.authCertificate().getSerialNumber()).isNotEqualTo(old.authCertificate().getSerialNumber());
        assertThat(renewed.authCertificate().getPublicKey()).isNotEqualTo(old.authCertificate().getPublicKey());
        assertThat(pki.status(CertKind.AUTH, 2, old.authCertificate().getSerialNumber()).reason())
                .isEqualTo(RevocationReason.SUPERSEDED);
        List<Linkage> links = pki.linkages().stream().filter(l -> l.cardId().equals(old.id())).toList();
        assertThat(links).anySatisfy(l -> {
            assertThat(l.type()).isEqualTo(Linkage.Type.RENEWAL_AUTH);
            assertThat(l.from()).isEqualTo(old.authCertificate().getSerialNumber());
            assertThat(l.to()).isEqualTo(renewed.authCertificate().getSerialNumber());
        });
        assertThat(links).anySatisfy(l -> {
            assertThat(l.type()).isEqualTo(Linkage.Type.RENEWAL_SIGN);
            assertThat(l.from()).isEqualTo(old.signatureCertificate().orElseThrow().getSerialNumber());
        });
    }

    @Test
    void stateSurvivesReopeningTheDirectory() {
        IssuedCard card = Fixtures.adultCard();
        IssuedCard again = TestPki.open(pki.directory()).card(card.id());
        assertThat(again.authCertificate()).isEqualTo(card.authCertificate());
        assertThat(again.signatureCertificate()).isEqualTo(card.signatureCertificate());
    }

    @Test
    void refusesToInitOverAnExistingPki() {
        assertThatThrownBy(() -> TestPki.init(pki.directory(), "127.0.0.1", 1, 2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesADamagedSettingsFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pki.properties"), "host=127.0.0.1\nocspPort=eighty\n");
        assertThatThrownBy(() -> TestPki.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pki.properties is damaged");
    }

    @Test
    void refusesGarbageInPlaceOfACertificateOrKey(@TempDir Path dir) throws Exception {
        copyTree(pki.directory(), dir);
        Files.writeString(dir.resolve("ca").resolve("ocsp-responder.key"), "-----BEGIN PRIVATE KEY-----\n%%%\n");
        assertThatThrownBy(() -> TestPki.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a PKCS#8 RSA key");
        Files.writeString(dir.resolve("ca").resolve("auth-g1.pem"), "garbage");
        assertThatThrownBy(() -> TestPki.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a certificate");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void redactsPersonalDataFromToString() {
        assertThat(Fixtures.adult().toString()).doesNotContain(Fixtures.NAME).doesNotContain(Fixtures.PIN);
        assertThat(Fixtures.adultCard().toString()).doesNotContain(Fixtures.NAME);
    }
}
