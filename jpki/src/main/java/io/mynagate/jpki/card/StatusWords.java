package io.mynagate.jpki.card;

/** ISO 7816-4 status words this client gives a meaning to ({@code docs/jpki.md} section 1). */
final class StatusWords {
    static final int OK = 0x9000;
    static final int END_OF_FILE_REACHED = 0x6282;
    static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    static final int AUTHENTICATION_METHOD_BLOCKED = 0x6983;
    static final int REFERENCE_DATA_NOT_USABLE = 0x6984;
    static final int FILE_NOT_FOUND = 0x6A82;
    static final int WRONG_OFFSET = 0x6B00;

    private StatusWords() {}

    /** {@code 63Cx} with x tries left. */
    static boolean isTriesLeft(int sw) {
        return (sw & 0xFFF0) == 0x63C0;
    }

    /** Any of the three blocked answers; all mean "blocked" (a blocked PIN is reset only at a municipal office). */
    static boolean isBlocked(int sw) {
        return sw == 0x63C0 || sw == AUTHENTICATION_METHOD_BLOCKED || sw == REFERENCE_DATA_NOT_USABLE;
    }

    /** Answers to SELECT of an application that mean "no such application here". */
    static boolean isNoSuchApplication(int sw) {
        return sw == FILE_NOT_FOUND || sw == 0x6A81 || sw == 0x6A86 || sw == 0x6A87 || sw == 0x6D00
                || sw == 0x6E00 || sw == 0x6999;
    }
}
