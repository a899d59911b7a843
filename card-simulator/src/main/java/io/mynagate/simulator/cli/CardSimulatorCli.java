package io.mynagate.simulator.cli;

import io.mynagate.simulator.card.TokenType;
import io.mynagate.simulator.pki.CardRequest;
import io.mynagate.simulator.pki.CertKind;
import io.mynagate.simulator.pki.IssuedCard;
import io.mynagate.simulator.pki.Linkage;
import io.mynagate.simulator.pki.RevocationReason;
import io.mynagate.simulator.pki.TestPki;
import io.mynagate.simulator.revocation.RevocationServices;
import io.mynagate.simulator.vpcd.VpcdCardClient;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code card-simulator}: the test JPKI PKI, virtual cards and revocation services from the shell.
 * Never prints PINs or personal data; {@code card issue} prints only the card id.
 */
@Command(name = "card-simulator", mixinStandardHelpOptions = true, version = "card-simulator 0.1.0",
        description = "Virtual My Number card, test JPKI PKI (O=JPKI-TEST), OCSP responder and CRL server.",
        subcommands = {CardSimulatorCli.Pki.class, CardSimulatorCli.Card.class, CardSimulatorCli.Serve.class})
public final class CardSimulatorCli {
    /** Entry point; exits with picocli's exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new CardSimulatorCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(CardSimulatorCli::report)
                .setParameterExceptionHandler(CardSimulatorCli::rejectArguments)
                .execute(args);
    }

    /** A command line that does not parse: one line naming the option, never the value typed. */
    private static int rejectArguments(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("card-simulator: " + redacted(e) + " (see --help)");
        return CommandLine.ExitCode.USAGE;
    }

    /** Picocli's own messages quote what was typed, which may be a name, an address or a PIN. */
    static String redacted(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException) {
            return e.getMessage(); // names the missing options only
        }
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            return "unknown option or unexpected argument";
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return "invalid value for " + option.longestName();
        }
        if (e.getArgSpec() instanceof CommandLine.Model.PositionalParamSpec parameter) {
            return "invalid value for " + parameter.paramLabel();
        }
        return "invalid command line";
    }

    /**
     * Bad input (unknown card id, existing PKI, malformed PIN) gets one line, no stack trace. Messages
     * of this module never contain personal data or PINs.
     */
    private static int report(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            commandLine.getErr().println("card-simulator: " + e.getMessage());
            return 2;
        }
        commandLine.getErr().println("card-simulator: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return 1;
    }

    @Command(name = "pki", description = "Manage the test PKI.", mixinStandardHelpOptions = true,
            subcommands = {Pki.Init.class})
    static final class Pki {
        @Command(name = "init", mixinStandardHelpOptions = true,
                description = "Create roots (2 generations per family, same DN, O=JPKI-TEST) and OCSP responder "
                        + "certificates in DIR. The host and ports go into every issued certificate's AIA and CRL DP.")
        static final class Init implements Callable<Integer> {
            @Spec CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "DIR", description = "State directory (created).") Path dir;
            @Option(names = "--host", defaultValue = TestPki.DEFAULT_HOST,
                    description = "Host in OCSP/CRL URLs (default: ${DEFAULT-VALUE}).") String host;
            @Option(names = "--ocsp-port", defaultValue = "" + TestPki.DEFAULT_OCSP_PORT,
                    description = "OCSP responder port in certificates (default: ${DEFAULT-VALUE}).") int ocspPort;
            @Option(names = "--crl-port", defaultValue = "" + TestPki.DEFAULT_CRL_PORT,
                    description = "CRL server port in certificates (default: ${DEFAULT-VALUE}).") int crlPort;

            @Override
            public Integer call() {
                TestPki pki = TestPki.init(dir, host, ocspPort, crlPort);
                PrintWriter out = spec.commandLine().getOut();
                out.println("PKI created in " + dir);
                out.println("OCSP " + pki.ocspUrl());
                for (CertKind kind : CertKind.values()) {
                    for (int g = 1; g <= TestPki.GENERATIONS; g++) {
                        out.println("root " + kind.id() + " g" + g + " " + dir.resolve("ca/" + kind.id() + "-g" + g + ".pem")
                                + " CRL " + pki.crlUrl(kind, g));
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "card", description = "Issue, revoke and renew cards.", mixinStandardHelpOptions = true,
            subcommands = {Card.Issue.class, Card.Revoke.class, Card.Renew.class, Card.ListCards.class})
    static final class Card {
        @Command(name = "issue", mixinStandardHelpOptions = true,
                description = "Issue a card (new keys and certificates under the newest roots). Prints the card id.")
        static final class Issue implements Callable<Integer> {
            @Spec CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "DIR") Path dir;
            @Option(names = "--name", required = true, description = "Name (kanji allowed).") String name;
            @Option(names = "--address", required = true, description = "Address, starting with the prefecture.")
            String address;
            @Option(names = "--birth", required = true, description = "Birth date YYYY-MM-DD.") LocalDate birth;
            @Option(names = "--sex", required = true, description = "1 male, 2 female, 3 unknown.") int sex;
            @Option(names = "--pin", defaultValue = CardRequest.DEFAULT_PIN,
                    description = "Authentication PIN, 4 digits (default: ${DEFAULT-VALUE}); also the card-info PIN.")
            String pin;
            @Option(names = "--sign-password", defaultValue = CardRequest.DEFAULT_SIGNATURE_PASSWORD,
                    description = "Signature password, 6-16 of A-Z 0-9 (default: ${DEFAULT-VALUE}).") String signPassword;
            @Option(names = "--no-signature-cert", description = "Resident under 15: no signature certificate.")
            boolean noSignatureCert;
            @Option(names = "--smartphone", description = "Android smartphone token (JPKIAPGPSETOKEN): the "
                    + "authentication certificate needs the PIN first; no card-info application.") boolean smartphone;
            @Option(names = "--blocked-pin", description = "Issue with the authentication PIN already blocked.")
            boolean blockedPin;
            @Option(names = "--generation", defaultValue = "" + TestPki.GENERATIONS,
                    description = "Root generation that signs, 1..2 (default: ${DEFAULT-VALUE}).") int generation;

            @Override
            public Integer call() {
                CardRequest request = new CardRequest(name, address, birth, sex, pin, signPassword, !noSignatureCert,
                        smartphone ? TokenType.ANDROID : TokenType.CARD, blockedPin);
                IssuedCard card = TestPki.open(dir).issue(request, generation);
                spec.commandLine().getOut().println(card.id());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a card's current certificates.")
        static final class Revoke implements Callable<Integer> {
            @Spec CommandLine.Model.CommandSpec spec;
            @Parameters(index = "0", paramLabel = "DIR") Path dir;
            @Parameters(index = "1", paramLabel = "ID") String id;
            @Option(names = "--reason", defaultValue = "unspecified", description = "RFC 5280 reason: unspecified, "
                    + "keyCompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, "
                    + "privilegeWithdrawn (default: ${DEFAULT-VALUE}).") String reason;
            @Option(names = "--only", description = "Revoke only one certificate: auth or sign (default: both).")
            String only;

            @Override
            public Integer call() {
                TestPki.open(dir).revoke(id, RevocationReason.parse(reason), only == null ? null : CertKind.ofId(only));
                spec.commandLine().getOut().println("revoked " + id);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        @Command(name = "renew", mixinStandardHelpOptions = true, description = "New keys and certificates for the "
                + "same resident; old ones revoked (superseded); prints linkage records old -> new.")
        static final class Renew implements Callable<Integer> {
            @Spec CommandLine.Model.CommandSpec spec;
            @Parameters(index = "0", paramLabel = "DIR") Path dir;
            @Parameters(index = "1", paramLabel = "ID") String id;

            @Override
            public Integer call() {
                TestPki pki = TestPki.open(dir);
                int before = pki.linkages().size();
                pki.renew(id);
                PrintWriter out = spec.commandLine().getOut();
                for (Linkage linkage : pki.linkages().subList(before, pki.linkages().size())) {
                    out.println(linkage.type() + " " + linkage.from().toString(16) + " -> " + linkage.to().toString(16));
                }
                out.flush();
                return 0;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List card ids.")
        static final class ListCards implements Callable<Integer> {
            @Spec CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "DIR") Path dir;

            @Override
            public Integer call() {
                TestPki.open(dir).cardIds().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the OCSP responder and CRL server and, with --card, put that card into vpcd's reader "
                    + "(a running pcscd with vsmartcard-vpcd). Runs until killed. Fault switch: GET "
                    + "http://HOST:OCSP_PORT/fault?mode=none|error|trylater|slow[&delayMs=N]; OCSP signer: "
                    + "/mode?signer=delegated|direct.")
    static final class Serve implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "DIR") Path dir;
        @Option(names = "--card", description = "Card id to insert into vpcd's reader.") String cardId;
        @Option(names = "--vpcd", defaultValue = VpcdCardClient.DEFAULT_HOST + ":" + VpcdCardClient.DEFAULT_PORT,
                description = "vpcd address HOST:PORT (default: ${DEFAULT-VALUE}).") String vpcd;
        @Option(names = "--ocsp-port", description = "OCSP port (default: the one in pki.properties).")
        Integer ocspPort;
        @Option(names = "--crl-port", description = "CRL port (default: the one in pki.properties).") Integer crlPort;

        @Override
        public Integer call() throws Exception {
            InetSocketAddress vpcdAddress = hostAndPort(vpcd);
            TestPki pki = TestPki.open(dir);
            int ocsp = ocspPort != null ? ocspPort : pki.ocspPort();
            int crl = crlPort != null ? crlPort : pki.crlPort();
            RevocationServices services = RevocationServices.start(pki, new InetSocketAddress(pki.host(), ocsp),
                    new InetSocketAddress(pki.host(), crl));
            VpcdCardClient card = null;
            if (cardId != null) {
                card = VpcdCardClient.keepInserted(vpcdAddress.getHostString(), vpcdAddress.getPort(),
                        pki.card(cardId).toSimulatedCard());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("OCSP " + services.ocspUrl());
            out.println("CRL " + services.crlBaseUrl());
            if (cardId != null) {
                out.println("card " + cardId + " -> vpcd " + vpcd);
            }
            out.println("ready");
            out.flush();
            VpcdCardClient inserted = card;
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (inserted != null) {
                    inserted.close();
                }
                services.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }

        /** Parses {@code HOST:PORT}, before anything starts, so a typo is an input error (exit 2). */
        static InetSocketAddress hostAndPort(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException("--vpcd must be HOST:PORT");
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--vpcd must be HOST:PORT");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--vpcd port must be 1..65535");
            }
            return InetSocketAddress.createUnresolved(value.substring(0, colon), port);
        }
    }
}
