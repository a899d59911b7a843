package io.mynagate.bridge.cli;

import io.mynagate.bridge.card.AssertionRequest;
import io.mynagate.bridge.card.CardService;
import io.mynagate.jpki.JpkiException;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code card-bridge assert}: signs a card assertion on the card and prints the compact JWS as the last
 * line of standard output. The PIN ({@code auth}) or the signature password ({@code share}) comes from
 * standard input; the request and the secret's format are checked before the card is touched.
 */
@Command(name = "assert", mixinStandardHelpOptions = true,
        description = {"Sign a card assertion (JWS) for an identity provider; the PIN (auth) or signature "
                + "password (share) is read from stdin and checked before the card is used.",
                "カードで認証用アサーションに署名します。暗証番号は標準入力から読みます。"})
final class AssertCommand implements Callable<Integer> {
    @Mixin
    CardOptions card;

    @Option(names = "--audience", required = true, paramLabel = "URL",
            description = "The identity provider's issuer URL (aud).")
    String audience;

    @Option(names = "--nonce", required = true, paramLabel = "N", description = "The identity provider's one-time challenge.")
    String nonce;

    @Option(names = "--purpose", defaultValue = "auth", paramLabel = "auth|share",
            description = "auth: log in with the user-authentication key (PIN); share: release the approved "
                    + "claims with the signature key (signature password). Default: ${DEFAULT-VALUE}.")
    String purpose;

    @Option(names = "--client-id", paramLabel = "ID", description = "share: the relying party the claims are for.")
    String clientId;

    @Option(names = "--claims", split = ",", paramLabel = "CLAIM",
            description = "share: the approved claims, comma-separated: name, address, birthdate, gender, age_over_NN.")
    List<String> claims = new ArrayList<>();

    @Option(names = "--pin-stdin", description = "Read the PIN (auth) or the signature password (share) from stdin "
            + "(required: a PIN is never a command-line argument).")
    boolean pinStdin;

    private final Io io;

    AssertCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws JpkiException, IOException {
        AssertionRequest request = request();
        if (!pinStdin) {
            throw new IllegalArgumentException("give the PIN on stdin with --pin-stdin");
        }
        CardService service = card.service();
        char[] secret = io.secrets().read(request.pinKind() == PinKind.SIGNATURE
                ? "signature password (署名用パスワード)" : "PIN (利用者証明用暗証番号)");
        try {
            io.out().println(service.sign(request, secret));
            io.out().flush();
            return CardBridgeCli.OK;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private AssertionRequest request() {
        Purpose chosen = Purpose.ofValue(purpose)
                .orElseThrow(() -> new IllegalArgumentException("--purpose must be auth or share"));
        return AssertionRequest.builder()
                .audience(audience)
                .nonce(nonce)
                .purpose(chosen)
                .clientId(clientId)
                .approvedClaims(claims)
                .build();
    }
}
