package io.mynagate.jpki.profile;

import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * The four basic attributes (基本4情報) of a signature certificate, read from its subjectAltName
 * otherNames ({@link JpkiOids}): name, address, birth date, sex, and which characters of the name
 * and the address were substituted because they are outside the JIS character sets.
 *
 * <p>Immutable value type. This is personal data: {@link #toString()} prints none of it, and the
 * holder of an instance decides, per attribute and with consent, what leaves the process. Derived
 * facts such as {@link #ageOverAt(int, LocalDate)} let a caller release less than the birth date.
 */
public final class BasicAttributes {
    // uuuu (proleptic year) because STRICT resolving of yyyy would need an era field.
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    // A value may carry one extra explicit tag inside the otherName's own [0]; allow that much, no more.
    private static final int MAX_EXTRA_TAGS = 2;

    private final String name;
    private final String nameSubstitutedChars;
    private final String address;
    private final String addressSubstitutedChars;
    private final LocalDate birthDate;
    private final OptionalInt birthDateEraDigit;
    private final Sex sex;

    private BasicAttributes(String name, String nameSubstitutedChars, String address,
            String addressSubstitutedChars, LocalDate birthDate, OptionalInt birthDateEraDigit, Sex sex) {
        this.name = name;
        this.nameSubstitutedChars = nameSubstitutedChars;
        this.address = address;
        this.addressSubstitutedChars = addressSubstitutedChars;
        this.birthDate = birthDate;
        this.birthDateEraDigit = birthDateEraDigit;
        this.sex = sex;
    }

    /**
     * Reads the attributes of a signature certificate. Checks the profile ({@link CertificateKind})
     * first; does not check signature, path, validity or revocation.
     *
     * @param certificate a signature certificate, not null
     * @throws UnrecognizedCertificateException when it is no JPKI end-entity certificate
     * @throws NotSignatureCertificateException when it is a user-authentication certificate
     * @throws MissingAttributeException when name, address, birth date or sex is absent
     * @throws MalformedAttributeException when one is present but unreadable
     */
    public static BasicAttributes from(X509Certificate certificate) throws CertificateProfileException {
        CertificateKind kind = CertificateKind.of(certificate);
        if (kind != CertificateKind.SIGNATURE) {
            throw new NotSignatureCertificateException(kind);
        }
        Map<String, ASN1Encodable> values = Extensions.attributeOtherNames(certificate);
        String name = required(values, JpkiOids.NAME);
        String address = required(values, JpkiOids.ADDRESS);
        String birth = required(values, JpkiOids.BIRTH_DATE);
        return new BasicAttributes(
                name,
                optional(values, JpkiOids.NAME_SUBSTITUTED),
                address,
                optional(values, JpkiOids.ADDRESS_SUBSTITUTED),
                birthDate(birth),
                birthDateEraDigit(birth),
                Sex.ofCode(required(values, JpkiOids.SEX).trim()));
    }

    private static String required(Map<String, ASN1Encodable> values, String oid) throws CertificateProfileException {
        ASN1Encodable value = values.get(oid);
        if (value == null) {
            throw new MissingAttributeException(oid);
        }
        String text = text(oid, value);
        if (text.isBlank()) {
            throw new MissingAttributeException(oid);
        }
        return text;
    }

    private static String optional(Map<String, ASN1Encodable> values, String oid) throws MalformedAttributeException {
        ASN1Encodable value = values.get(oid);
        return value == null ? "" : text(oid, value);
    }

    private static String text(String oid, ASN1Encodable value) throws MalformedAttributeException {
        ASN1Encodable current = value;
        for (int i = 0; i < MAX_EXTRA_TAGS && current instanceof ASN1TaggedObject; i++) {
            try {
                current = ((ASN1TaggedObject) current).getExplicitBaseObject();
            } catch (IllegalStateException e) {
                throw new MalformedAttributeException(oid, "implicitly tagged value");
            }
        }
        if (current instanceof ASN1String) {
            return ((ASN1String) current).getString();
        }
        throw new MalformedAttributeException(oid, "not a string");
    }

    private static LocalDate birthDate(String value) throws MalformedAttributeException {
        String digits = value.trim();
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || (digits.length() != 9 && digits.length() != 8)) {
            throw new MalformedAttributeException(JpkiOids.BIRTH_DATE, "not EYYYYMMDD");
        }
        try {
            return LocalDate.parse(digits.substring(digits.length() - 8), YYYYMMDD);
        } catch (DateTimeException e) {
            throw new MalformedAttributeException(JpkiOids.BIRTH_DATE, "not a calendar date");
        }
    }

    // The leading era digit is unconfirmed (docs/jpki.md section 2): keep it raw, accept its absence.
    private static OptionalInt birthDateEraDigit(String value) {
        String digits = value.trim();
        return digits.length() == 9 ? OptionalInt.of(digits.charAt(0) - '0') : OptionalInt.empty();
    }

    /** Name (氏名) as written, characters outside the JIS sets already substituted by J-LIS. */
    public String name() {
        return name;
    }

    /** Which characters of the name were substituted, as written in the certificate; empty when none or absent. */
    public String nameSubstitutedChars() {
        return nameSubstitutedChars;
    }

    /** Address (住所) as written. */
    public String address() {
        return address;
    }

    /** Which characters of the address were substituted; empty when none or absent. */
    public String addressSubstitutedChars() {
        return addressSubstitutedChars;
    }

    /** Birth date (生年月日), Gregorian. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The raw leading era digit of the birth date value, empty when the value had only 8 digits. */
    public OptionalInt birthDateEraDigit() {
        return birthDateEraDigit;
    }

    /** Sex (性別). */
    public Sex sex() {
        return sex;
    }

    /**
     * Age in completed years at the start of {@code date}.
     *
     * <p>Under 年齢計算ニ関スル法律 and Civil Code art. 143 a year of age is completed at the end of
     * the day before the birthday, so the age changes at the start of the birthday; someone born on
     * 29 February completes a year at the end of 28 February, i.e. at the start of 1 March in a
     * common year.
     *
     * @param date the day, not null
     * @return the age, negative when {@code date} is before the birth date
     */
    public int ageAt(LocalDate date) {
        Objects.requireNonNull(date, "date");
        // ChronoUnit counts whole years up to the day before the anniversary, and for 29 February it
        // counts 1 March as the anniversary in common years: exactly the rule of the law above.
        return (int) ChronoUnit.YEARS.between(birthDate, date);
    }

    /**
     * Whether the holder is at least {@code years} old at the start of {@code date} (the
     * {@code age_over_N} claim).
     *
     * @param years N, not negative
     * @param date the day, not null
     */
    public boolean ageOverAt(int years, LocalDate date) {
        if (years < 0) {
            throw new IllegalArgumentException("years must not be negative");
        }
        return ageAt(date) >= years;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BasicAttributes)) {
            return false;
        }
        BasicAttributes that = (BasicAttributes) other;
        return name.equals(that.name) && nameSubstitutedChars.equals(that.nameSubstitutedChars)
                && address.equals(that.address) && addressSubstitutedChars.equals(that.addressSubstitutedChars)
                && birthDate.equals(that.birthDate) && birthDateEraDigit.equals(that.birthDateEraDigit)
                && sex == that.sex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nameSubstitutedChars, address, addressSubstitutedChars, birthDate,
                birthDateEraDigit, sex);
    }

    /** Redacted: personal data never reaches logs through this. */
    @Override
    public String toString() {
        return "BasicAttributes[redacted]";
    }
}
