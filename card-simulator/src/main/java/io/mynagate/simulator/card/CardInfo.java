package io.mynagate.simulator.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What the card-info application (券面事項入力補助AP) holds: the My Number and the four basic
 * attributes, behind their own 4-digit PIN.
 *
 * @param myNumber 12 digits with a valid check digit
 * @param name     name as printed (UTF-8 on the card)
 * @param address  address as printed
 * @param birth    birth date
 * @param sex      1 male, 2 female, 3 unknown (the ISO 5218-like code JPKI uses; 9 is not used)
 * @param pin      the card-info PIN, 4 digits
 */
public record CardInfo(String myNumber, String name, String address, LocalDate birth, int sex, String pin) {
    /** AID of the card-info input support application. */
    public static final byte[] AID = {
        (byte) 0xD3, (byte) 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08
    };
    static final int MY_NUMBER_EF = 0x0001;
    static final int ATTRIBUTES_EF = 0x0002;
    static final int PIN_EF = 0x0011;

    /** Validates the fields; the My Number must carry a valid check digit. */
    public CardInfo {
        if (!MyNumber.isValid(myNumber)) {
            throw new IllegalArgumentException("My Number must be 12 digits with a valid check digit");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birth, "birth");
        if (sex < 1 || sex > 3) {
            throw new IllegalArgumentException("sex must be 1, 2 or 3");
        }
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("card-info PIN must be 4 digits");
        }
    }

    /** Hides personal data: records print nothing but the type. */
    @Override
    public String toString() {
        return "CardInfo[redacted]";
    }

    /** EF 0001: {@code FF 10 0C} + 12 ASCII digits. */
    byte[] myNumberFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0x10);
        out.write(12);
        out.writeBytes(myNumber.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * EF 0002: {@code FF 20} { {@code DF21} offsets, {@code DF22} name, {@code DF23} address,
     * {@code DF24} YYYYMMDD, {@code DF25} sex }. The offsets item holds, per following item, its
     * 2-byte offset from the start of the {@code FF 20} value (its exact meaning on real cards is
     * unconfirmed; readers should walk the TLVs).
     */
    byte[] attributesFile() {
        byte[][] items = {
            tlv(0xDF22, name.getBytes(StandardCharsets.UTF_8)),
            tlv(0xDF23, address.getBytes(StandardCharsets.UTF_8)),
            tlv(0xDF24, birth.format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII)),
            tlv(0xDF25, new byte[] {(byte) ('0' + sex)}),
        };
        int offsetsItemLength = tlv(0xDF21, new byte[items.length * 2]).length;
        byte[] offsets = new byte[items.length * 2];
        int position = offsetsItemLength;
        for (int i = 0; i < items.length; i++) {
            offsets[2 * i] = (byte) (position >> 8);
            offsets[2 * i + 1] = (byte) position;
            position += items[i].length;
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(tlv(0xDF21, offsets));
        for (byte[] item : items) {
            value.writeBytes(item);
        }
        return tlv(0xFF20, value.toByteArray());
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag >> 8);
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else if (value.length < 0x100) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >> 8);
            out.write(value.length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
