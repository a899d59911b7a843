package io.mynagate.bridge.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/card-bridge} (カードブリッジ): the card bridge's command line, {@code serve}
 * (the local page the identity provider hands off to), {@code status}, {@code read-cert} and
 * {@code assert}.
 *
 * <p>Exit status: {@value #OK} done; {@value #REFUSED} refused by the card or the input (wrong or
 * blocked PIN, PIN of the wrong format, not a JPKI card, no signature certificate); {@value #USAGE}
 * usage error; {@value #UNAVAILABLE} no reader, no card, card removed, reader or PC/SC service failed, the
 * port of {@code serve} in use;
 * {@value #INTERNAL} a bug. A failure is one line on standard error starting with {@code jpki}'s reason
 * code ({@code wrong_pin: wrong PIN, 2 tries left / ...}) or {@code usage:}.
 */
@Command(name = "card-bridge", mixinStandardHelpOptions = true, version = "card-bridge 0.1.0",
        description = {"The My Number card bridge: the local page for identity providers, card status, "
                + "certificates and card assertions.",
                "マイナンバーカードのブリッジ：認証サービスのためのページ、カードの状態、証明書、署名。"},
        footer = {"", "Exit status: 0 done, 1 refused by the card or the input, 2 usage error, "
                + "3 no reader / no card / port in use / unavailable, 4 internal error."})
public final class CardBridgeCli implements Runnable {
    /** Exit status: done. */
    public static final int OK = 0;
    /** Exit status: the card or the bridge refused the input (reason kind REJECTED). */
    public static final int REFUSED = 1;
    /** Exit status: the command line is wrong. */
    public static final int USAGE = 2;
    /** Exit status: no reader, no card, or the reader or PC/SC service failed (reason kind UNAVAILABLE). */
    public static final int UNAVAILABLE = 3;
    /** Exit status: a bug. */
    public static final int INTERNAL = 4;

    /** Kept, since JUL holds loggers weakly: the level set in {@link #main} must stay. */
    private static final Logger SERVER_LOG = Logger.getLogger("io.mynagate.bridge.server");

    private static final String MISSING_COMMAND = "missing command: serve, status, read-cert or assert";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private CardBridgeCli() {}

    /**
     * Runs the command and exits with its status. A PIN typed on a terminal is read without echo.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        // jpki logs through System.Logger (JUL here); its warnings must not become extra lines on stderr.
        // serve logs its own outcomes (reason codes only) on one line each.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        Logger.getLogger("").setLevel(Level.SEVERE);
        SERVER_LOG.setLevel(Level.INFO);
        Console console = System.console();
        SecretInput secrets = console != null ? SecretInput.terminal(console) : SecretInput.line(System.in);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(new Io(secrets, out, err), args));
    }

    /**
     * Runs the command without exiting (for tests and embedding). Secrets are read as one line of {@code in}.
     *
     * @param in standard input, not null
     * @param out standard output, not null
     * @param err standard error, not null
     * @param args command-line arguments
     * @return the exit status
     */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(new Io(SecretInput.line(in), out, err), args);
    }

    static int run(Io io, String... args) {
        Objects.requireNonNull(args, "args");
        CommandLine commandLine = new CommandLine(new CardBridgeCli())
                .addSubcommand(new StatusCommand(io))
                .addSubcommand(new ReadCertCommand(io))
                .addSubcommand(new AssertCommand(io))
                .addSubcommand(new ServeCommand(io))
                .setOut(io.out())
                .setErr(io.err())
                .setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr()))
                .setParameterExceptionHandler((e, parsedArgs) -> Failures.usage(redacted(e), e.getCommandLine().getErr()));
        int status = commandLine.execute(args);
        io.out().flush();
        io.err().flush();
        return status;
    }

    /**
     * Picocli's messages quote what was typed; a PIN typed as an argument by mistake must not come back,
     * so an unexpected argument is not quoted and other messages name the option only.
     */
    static String redacted(CommandLine.ParameterException e) {
        if (MISSING_COMMAND.equals(e.getMessage()) || e instanceof CommandLine.MissingParameterException) {
            return e.getMessage(); // names the missing options only
        }
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            return "unknown option or unexpected argument (a PIN is never an argument: use --pin-stdin)";
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return "invalid value for " + option.longestName();
        }
        if (e.getArgSpec() instanceof CommandLine.Model.PositionalParamSpec parameter) {
            return "invalid value for " + parameter.paramLabel();
        }
        return "invalid command line";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), MISSING_COMMAND);
    }
}
