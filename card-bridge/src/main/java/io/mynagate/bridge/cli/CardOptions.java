package io.mynagate.bridge.cli;

import io.mynagate.bridge.card.CardService;
import io.mynagate.bridge.card.CardServiceBuilder;
import io.mynagate.jpki.card.CardConnectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command takes: which readers, which reader, how long to wait for a card. */
final class CardOptions {
    /**
     * The card simulator's in-process provider. Only its name: the simulator is never on the bridge's
     * compile class path, and is found by name when a test or the demo puts it on the run-time one.
     */
    static final String SIMULATOR_PROVIDER = "MynaVirtualCard";
    /** The simulator's system property naming its PKI directory (its {@code VirtualReader.DIR_PROPERTY}). */
    static final String SIMULATOR_DIR_PROPERTY = "mynagate.simulator.dir";
    /** The simulator's system property naming the card of that directory (its {@code VirtualReader.CARD_PROPERTY}). */
    static final String SIMULATOR_CARD_PROPERTY = "mynagate.simulator.card";

    @Option(names = "--reader", paramLabel = "NAME",
            description = "Exact reader name, as 'status' lists it (default: the first reader holding a JPKI card).")
    String reader;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "javax.smartcardio provider of the readers (default: " + CardConnectors.JNASMARTCARDIO
                    + ", real readers through PC/SC; " + SIMULATOR_PROVIDER + ": the card simulator's in-process "
                    + "reader, when it is on the class path).")
    String provider;

    @Option(names = "--simulated-card", paramLabel = "DIR",
            description = "A card directory made by 'card-simulator card issue' (PKI/cards/ID): put that card into "
                    + "the simulator's in-process reader and use it (implies --provider " + SIMULATOR_PROVIDER
                    + "). Once per process.")
    Path simulatedCard;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to wait for a card to be inserted (default: ${DEFAULT-VALUE}, no wait; at most 600).")
    long waitSeconds;

    /**
     * The card service these options describe.
     *
     * @throws IllegalArgumentException for options that contradict each other, a directory that is not a
     *     simulator card, or a provider that is not found (all usage errors)
     */
    CardService service() {
        return service(null, null);
    }

    /**
     * The card service these options describe, with defaults from a configuration file for what the
     * command line leaves out ({@code serve}).
     *
     * @param defaultProvider the provider when neither {@code --provider} nor {@code --simulated-card} is
     *     given, or null for jnasmartcardio
     * @param defaultReader the reader when {@code --reader} is not given, or null for the first JPKI card
     * @throws IllegalArgumentException as {@link #service()}
     */
    CardService service(String defaultProvider, String defaultReader) {
        if (waitSeconds < 0 || waitSeconds > CardServiceBuilder.MAX_CARD_WAIT.toSeconds()) {
            throw new IllegalArgumentException("--wait must be 0.." + CardServiceBuilder.MAX_CARD_WAIT.toSeconds());
        }
        return CardService.builder()
                // --simulated-card chooses the simulator's provider over a configured one.
                .provider(providerName(provider != null || simulatedCard != null ? provider : defaultProvider))
                .reader(reader != null ? reader : defaultReader)
                .cardWait(Duration.ofSeconds(waitSeconds))
                .build();
    }

    private String providerName(String provider) {
        if (simulatedCard == null) {
            return provider == null ? CardConnectors.JNASMARTCARDIO : provider;
        }
        if (provider != null && !provider.equals(SIMULATOR_PROVIDER)) {
            throw new IllegalArgumentException("--simulated-card works with --provider " + SIMULATOR_PROVIDER + " only");
        }
        chooseSimulatedCard(simulatedCard.toAbsolutePath().normalize());
        return SIMULATOR_PROVIDER;
    }

    /**
     * Names the card to the simulator through its system properties, which its shared reader reads once,
     * when the provider is first used in this process. Choosing another card later in the same process
     * would silently keep the first, so it is refused.
     */
    private static void chooseSimulatedCard(Path cardDir) {
        Path cards = cardDir.getParent();
        Path pki = cards == null ? null : cards.getParent();
        if (!Files.isRegularFile(cardDir.resolve("card.properties")) || pki == null
                || !cards.getFileName().toString().equals("cards") || !Files.isRegularFile(pki.resolve("pki.properties"))) {
            throw new IllegalArgumentException("--simulated-card must be a card directory made by "
                    + "'card-simulator card issue' (PKI/cards/ID)");
        }
        setOnce(SIMULATOR_DIR_PROPERTY, pki.toString());
        setOnce(SIMULATOR_CARD_PROPERTY, cardDir.getFileName().toString());
    }

    private static void setOnce(String property, String value) {
        String current = System.getProperty(property);
        if (current != null && !current.equals(value)) {
            throw new IllegalArgumentException("another simulated card was already chosen in this process");
        }
        System.setProperty(property, value);
    }
}
