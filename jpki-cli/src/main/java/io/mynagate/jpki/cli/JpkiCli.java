package io.mynagate.jpki.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/jpki}: JPKI operator commands (JPKI 運用コマンド).
 *
 * <p>Exit status: {@value #VALID} valid, {@value #INVALID} invalid, {@value #USAGE} usage or input error.
 */
@Command(name = "jpki", mixinStandardHelpOptions = true, version = "jpki 0.1",
        description = {"JPKI operator commands.", "JPKI（公的個人認証）運用コマンド。"},
        subcommands = VerifyCommand.class)
public final class JpkiCli implements Runnable {
    /** Exit status: the certificate is valid. */
    public static final int VALID = 0;
    /** Exit status: the certificate is invalid; the reason is on stdout. */
    public static final int INVALID = 1;
    /** Exit status: usage or input error; the message is on stderr. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command without exiting (for tests and embedding).
     *
     * @param out standard output
     * @param err standard error
     * @param args command-line arguments
     * @return the exit status
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new JpkiCli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Anything unexpected is an input problem for the operator, never "invalid".
                    cmd.getErr().println("jpki: " + e.getMessage());
                    return USAGE;
                });
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            e.getCommandLine().getErr().println("jpki: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command, e.g. 'jpki verify CERT'");
    }
}
