package io.mynagate.bridge.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * The streams of one run: where secrets come from, where results and errors go.
 *
 * @param secrets the PIN or password source, not null
 * @param out standard output: results only
 * @param err standard error: one line per failure
 */
record Io(SecretInput secrets, PrintWriter out, PrintWriter err) {
    Io {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
