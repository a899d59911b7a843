package io.mynagate.jpki.cli;

/** A file or value given on the command line cannot be used (exit status 2). */
final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
