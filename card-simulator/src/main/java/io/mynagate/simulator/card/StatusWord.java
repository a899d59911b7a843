package io.mynagate.simulator.card;

/** ISO 7816-4 status words the card answers with (docs/jpki.md section 1). */
final class StatusWord {
    static final int OK = 0x9000;
    /** {@code 63Cx}: wrong PIN or tries query, x tries left. */
    static final int TRIES_LEFT_BASE = 0x63C0;
    static final int WRONG_LENGTH = 0x6700;
    static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    static final int AUTHENTICATION_METHOD_BLOCKED = 0x6983;
    static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int COMMAND_NOT_ALLOWED_NO_EF = 0x6986;
    static final int WRONG_DATA = 0x6A80;
    static final int FILE_NOT_FOUND = 0x6A82;
    static final int INCORRECT_P1P2 = 0x6A86;
    static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;
    static final int WRONG_OFFSET = 0x6B00;
    /** {@code 6Cxx}: wrong Le, xx is the exact length available. */
    static final int WRONG_LE_BASE = 0x6C00;
    static final int INS_NOT_SUPPORTED = 0x6D00;
    static final int CLA_NOT_SUPPORTED = 0x6E00;

    static int triesLeft(int tries) {
        return TRIES_LEFT_BASE | Math.min(tries, 0x0F);
    }

    private StatusWord() {}
}
