package io.mynagate.jpki.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mynagate.jpki.testing.TestPki;
import java.security.KeyPair;
import java.time.LocalDate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

class BasicAttributesTest {
    private static final TestPki.Issued ROOT =
            TestPki.root().signatureRoot().keyPair(TestPki.sharedKeyPair("root")).issue();
    private static final KeyPair EE_KEY = TestPki.sharedKeyPair("ee");

    private static TestPki.CertificateBuilder sign() {
        return TestPki.signatureCertificate(ROOT).keyPair(EE_KEY);
    }

    private static BasicAttributes attributesOf(TestPki.CertificateBuilder builder) throws Exception {
        return BasicAttributes.from(builder.issue().certificate());
    }

    @Test
    void readsTheFourAttributesInKanji() throws Exception {
        BasicAttributes attributes = attributesOf(sign()
                .attributes("山田　太郎", "北海道札幌市中央区北一条西２丁目", "319850704", "1")
                .attribute(JpkiOids.NAME_SUBSTITUTED, "0003")
                .attribute(JpkiOids.ADDRESS_SUBSTITUTED, "0005"));

        assertThat(attributes.name()).isEqualTo("山田　太郎");
        assertThat(attributes.address()).isEqualTo("北海道札幌市中央区北一条西２丁目");
        assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1985, 7, 4));
        assertThat(attributes.birthDateEraDigit()).hasValue(3);
        assertThat(attributes.sex()).isEqualTo(Sex.MALE);
        assertThat(attributes.nameSubstitutedChars()).isEqualTo("0003");
        assertThat(attributes.addressSubstitutedChars()).isEqualTo("0005");
    }

    @Test
    void keepsAddressAndItsSubstitutionFlagApart() throws Exception {
        // Some public code swaps .5 and .6; the reference mapping is .5 address, .6 flags.
        BasicAttributes attributes = attributesOf(sign()
                .attribute(JpkiOids.ADDRESS, "address value").attribute(JpkiOids.ADDRESS_SUBSTITUTED, "flags"));
        assertThat(attributes.address()).isEqualTo("address value");
        assertThat(attributes.addressSubstitutedChars()).isEqualTo("flags");
    }

    @Test
    void readsDoubleTaggedValues() throws Exception {
        BasicAttributes attributes = attributesOf(sign().doubleTaggedAttributes());
        assertThat(attributes.name()).isEqualTo(TestPki.DEFAULT_NAME);
        assertThat(attributes.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void treatsAbsentSubstitutionFlagsAsEmpty() throws Exception {
        BasicAttributes attributes = attributesOf(sign()
                .attribute(JpkiOids.NAME_SUBSTITUTED, null).attribute(JpkiOids.ADDRESS_SUBSTITUTED, null));
        assertThat(attributes.nameSubstitutedChars()).isEmpty();
        assertThat(attributes.addressSubstitutedChars()).isEmpty();
    }

    @Test
    void acceptsBirthDateWithoutEraDigit() throws Exception {
        BasicAttributes attributes = attributesOf(sign().attribute(JpkiOids.BIRTH_DATE, "20010101"));
        assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(2001, 1, 1));
        assertThat(attributes.birthDateEraDigit()).isEmpty();
    }

    @Test
    void toStringRevealsNoPersonalData() throws Exception {
        BasicAttributes attributes = attributesOf(sign());
        assertThat(attributes.toString()).doesNotContain(TestPki.DEFAULT_NAME, TestPki.DEFAULT_ADDRESS,
                "2000", "FEMALE", "公的", "東京");
    }

    @Test
    void rejectsAuthenticationCertificate() {
        assertThatThrownBy(() -> BasicAttributes.from(
                        TestPki.authenticationCertificate(ROOT).keyPair(EE_KEY).issue().certificate()))
                .isInstanceOf(NotSignatureCertificateException.class).hasMessageContaining("AUTHENTICATION");
    }

    @Test
    void rejectsCertificateOfNoJpkiProfile() {
        assertThatThrownBy(() -> BasicAttributes.from(ROOT.certificate()))
                .isInstanceOf(UnrecognizedCertificateException.class);
    }

    @Test
    void rejectsSignatureCertificateWithoutAttributes() {
        assertThatThrownBy(() -> attributesOf(sign().noAttributes()))
                .isInstanceOf(MissingAttributeException.class)
                .satisfies(e -> assertThat(((MissingAttributeException) e).oid()).startsWith(JpkiOids.ATTRIBUTE_ARC));
    }

    @Test
    void rejectsMissingAddress() {
        assertThatThrownBy(() -> attributesOf(sign().attribute(JpkiOids.ADDRESS, null)))
                .isInstanceOf(MissingAttributeException.class)
                .satisfies(e -> assertThat(((MissingAttributeException) e).oid()).isEqualTo(JpkiOids.ADDRESS));
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> attributesOf(sign().attribute(JpkiOids.NAME, " ")))
                .isInstanceOf(MissingAttributeException.class)
                .satisfies(e -> assertThat(((MissingAttributeException) e).oid()).isEqualTo(JpkiOids.NAME));
    }

    @Test
    void rejectsUnknownSexCode() {
        assertThatThrownBy(() -> attributesOf(sign().attribute(JpkiOids.SEX, "Q")))
                .isInstanceOf(MalformedAttributeException.class)
                .satisfies(e -> assertThat(((MalformedAttributeException) e).oid()).isEqualTo(JpkiOids.SEX))
                .message().doesNotContain("Q");
    }

    @Test
    void rejectsImpossibleBirthDate() {
        assertThatThrownBy(() -> attributesOf(sign().attribute(JpkiOids.BIRTH_DATE, "419990229")))
                .isInstanceOf(MalformedAttributeException.class).hasMessageContaining("calendar");
    }

    @Test
    void rejectsBirthDateOfWrongShape() {
        assertThatThrownBy(() -> attributesOf(sign().attribute(JpkiOids.BIRTH_DATE, "H11.1.1")))
                .isInstanceOf(MalformedAttributeException.class).hasMessageContaining("EYYYYMMDD");
    }

    @Test
    void rejectsNonStringValue() {
        ASN1Encodable notAString = new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier(JpkiOids.NAME), new DERTaggedObject(true, 0, new ASN1Integer(7))});
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.otherName, notAString)});
        assertThatThrownBy(() -> attributesOf(sign().noAttributes()
                        .extension(Extension.subjectAlternativeName, false, names)))
                .isInstanceOf(MalformedAttributeException.class).hasMessageContaining("not a string");
    }

    @Test
    void rejectsRepeatedAttribute() {
        ASN1Encodable name = new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier(JpkiOids.NAME), new DERTaggedObject(true, 0, new DERUTF8String("a"))});
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.otherName, name), new GeneralName(GeneralName.otherName, name)});
        assertThatThrownBy(() -> attributesOf(sign().noAttributes()
                        .extension(Extension.subjectAlternativeName, false, names)))
                .isInstanceOf(MalformedAttributeException.class).hasMessageContaining("more than once");
    }

    @Test
    void isOverEighteenFromTheEighteenthBirthday() throws Exception {
        BasicAttributes attributes = attributesOf(sign().attribute(JpkiOids.BIRTH_DATE, "420070401"));
        assertThat(attributes.ageOverAt(18, LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(attributes.ageOverAt(18, LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(attributes.ageAt(LocalDate.of(2025, 4, 1))).isEqualTo(18);
    }

    @Test
    void leapDayBirthCompletesTheYearOnFirstOfMarchInCommonYears() throws Exception {
        BasicAttributes attributes = attributesOf(sign().attribute(JpkiOids.BIRTH_DATE, "420040229"));
        assertThat(attributes.ageOverAt(18, LocalDate.of(2022, 2, 28))).isFalse();
        assertThat(attributes.ageOverAt(18, LocalDate.of(2022, 3, 1))).isTrue();
        assertThat(attributes.ageOverAt(20, LocalDate.of(2024, 2, 29))).isTrue();
    }

    @Test
    void hasValueEquality() throws Exception {
        assertThat(attributesOf(sign())).isEqualTo(attributesOf(sign())).hasSameHashCodeAs(attributesOf(sign()));
        assertThat(attributesOf(sign())).isNotEqualTo(attributesOf(sign().attribute(JpkiOids.SEX, "1")));
    }
}
