package io.mynagate.simulator.pki;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The four basic attributes and what the signature certificate derives from them. */
record Resident(String name, String address, LocalDate birth, int sex) {
    private static final Pattern PREFECTURE = Pattern.compile("^(東京都|北海道|京都府|大阪府|.{2,3}?県)");
    private static final Pattern MUNICIPALITY = Pattern.compile("^(.+?郡.+?[町村]|.+?[市区町村])");
    private static final String UNKNOWN = "不明";

    /** First {@code L=}: the prefecture at the start of the address. */
    String prefecture() {
        Matcher m = PREFECTURE.matcher(address);
        return m.find() ? m.group(1) : UNKNOWN;
    }

    /** Second {@code L=}: the municipality after the prefecture. */
    String municipality() {
        String rest = address.substring(prefecture().equals(UNKNOWN) ? 0 : prefecture().length());
        Matcher m = MUNICIPALITY.matcher(rest);
        return m.find() ? m.group(1) : UNKNOWN;
    }

    /**
     * Birth date as {@code EYYYYMMDD}: a leading era digit (1 Meiji, 2 Taisho, 3 Showa, 4 Heisei,
     * 5 Reiwa) then the Gregorian date. The format is unconfirmed (docs/jpki.md section 2).
     */
    String eraBirthDate() {
        int era;
        if (birth.isBefore(LocalDate.of(1912, 7, 30))) {
            era = 1;
        } else if (birth.isBefore(LocalDate.of(1926, 12, 25))) {
            era = 2;
        } else if (birth.isBefore(LocalDate.of(1989, 1, 8))) {
            era = 3;
        } else if (birth.isBefore(LocalDate.of(2019, 5, 1))) {
            era = 4;
        } else {
            era = 5;
        }
        return era + birth.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The holder's 5th birthday after {@code issued}: the end of a JPKI certificate's validity. */
    LocalDate fifthBirthdayAfter(LocalDate issued) {
        LocalDate birthday = birth.withYear(issued.getYear());
        if (!birthday.isAfter(issued)) {
            birthday = birth.withYear(issued.getYear() + 1);
        }
        return birth.plusYears(birthday.getYear() - birth.getYear() + 4L);
    }

    @Override
    public String toString() {
        return "Resident[redacted]";
    }
}
