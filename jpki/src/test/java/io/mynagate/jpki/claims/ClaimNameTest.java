package io.mynagate.jpki.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClaimNameTest {

    @Test
    void parsesTheFourBasicClaims() {
        assertThat(List.of("name", "address", "birthdate", "gender"))
                .map(name -> ClaimName.parse(name).orElseThrow())
                .containsExactly(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.BIRTHDATE, ClaimName.GENDER);
    }

    @Test
    void basicClaimsAreNotDerived() {
        assertThat(ClaimName.basic()).allSatisfy(claim -> {
            assertThat(claim.isAgeOver()).isFalse();
            assertThat(claim.ageThreshold()).isEmpty();
        });
    }

    @Test
    void parsesAgeOverWithItsThreshold() {
        ClaimName claim = ClaimName.parse("age_over_18").orElseThrow();
        assertThat(claim.isAgeOver()).isTrue();
        assertThat(claim.ageThreshold()).hasValue(18);
        assertThat(claim.value()).isEqualTo("age_over_18");
    }

    @Test
    void parsesAgeOverAtBothEndsOfTheRange() {
        assertThat(ClaimName.parse("age_over_1").orElseThrow().ageThreshold()).hasValue(ClaimName.MIN_AGE);
        assertThat(ClaimName.parse("age_over_150").orElseThrow().ageThreshold()).hasValue(ClaimName.MAX_AGE);
    }

    @Test
    void parsedAgeOverEqualsTheConstructedOne() {
        assertThat(ClaimName.parse("age_over_20")).contains(ClaimName.ageOver(20));
        assertThat(ClaimName.ageOver(20)).hasSameHashCodeAs(ClaimName.of("age_over_20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "preferred_username", "Name", "NAME", " name", "name ", "sex", "phone_number",
        "family_name", "my_number", ""})
    void refusesNamesOutsideTheVocabulary(String value) {
        assertThat(ClaimName.parse(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"age_over_", "age_over_0", "age_over_151", "age_over_018", "age_over_00", "age_over_-1",
        "age_over_+18", "age_over_1e2", "age_over_18 ", "age_over_18x", "age_over_\u0661\u0668",
        "age_over_\uff11\uff18", "age_over_99999999999999999999", "age_over_1000", "AGE_OVER_18", "age_under_18"})
    void refusesAgeOverOutsideTheCanonicalRange(String value) {
        assertThat(ClaimName.parse(value)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(ClaimName.parse(null)).isEmpty();
    }

    @Test
    void ofThrowsForAnUnknownName() {
        assertThatThrownBy(() -> ClaimName.of("email")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageOverRefusesThresholdsOutOfRange() {
        assertThatThrownBy(() -> ClaimName.ageOver(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimName.ageOver(151)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringIsTheJsonName() {
        assertThat(ClaimName.GENDER).hasToString("gender");
        assertThat(ClaimName.ageOver(65)).hasToString("age_over_65");
    }
}
