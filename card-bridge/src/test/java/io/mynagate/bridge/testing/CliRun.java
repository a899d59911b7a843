package io.mynagate.bridge.testing;

import io.mynagate.bridge.cli.CardBridgeCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of the bridge's command line in this JVM, with what it printed.
 *
 * @param exitCode the exit status
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int exitCode, String out, String err) {
    /** The in-process provider of the card simulator, as a user names it with {@code --provider}. */
    public static final String SIMULATOR = "MynaVirtualCard";

    /** Runs {@code args} with empty standard input. */
    public static CliRun run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code args} with {@code stdin} as standard input. */
    public static CliRun runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CardBridgeCli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The lines of standard output. */
    public List<String> outLines() {
        return out.lines().toList();
    }

    /** The last line of standard output (where {@code assert} prints the JWS). */
    public String lastLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** The lines of standard error. */
    public List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
