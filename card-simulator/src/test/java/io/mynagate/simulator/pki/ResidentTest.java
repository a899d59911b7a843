package io.mynagate.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the signature certificate derives from the four attributes. */
class ResidentTest {
    private static Resident at(String address) {
        return new Resident("テスト", address, LocalDate.of(2001, 2, 3), 2);
    }

    @Test
    void splitsPrefectureAndMunicipality() {
        assertThat(at("京都府京都市左京区1").prefecture()).isEqualTo("京都府");
        assertThat(at("京都府京都市左京区1").municipality()).isEqualTo("京都市");
        assertThat(at("神奈川県横浜市中区1").prefecture()).isEqualTo("神奈川県");
        assertThat(at("北海道札幌市1").municipality()).isEqualTo("札幌市");
    }

    @Test
    void prefixesTheBirthDateWithTheEraDigit() {
        assertThat(at("東京都港区").eraBirthDate()).isEqualTo("420010203");
        assertThat(new Resident("x", "y", LocalDate.of(1970, 1, 1), 1).eraBirthDate()).isEqualTo("319700101");
        assertThat(new Resident("x", "y", LocalDate.of(2020, 1, 1), 1).eraBirthDate()).isEqualTo("520200101");
    }

    @Test
    void findsTheFifthBirthdayAfterIssue() {
        Resident r = at("東京都港区");
        assertThat(r.fifthBirthdayAfter(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(r.fifthBirthdayAfter(LocalDate.of(2026, 2, 3))).isEqualTo(LocalDate.of(2031, 2, 3));
    }
}
