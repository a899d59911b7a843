package io.mynagate.jpki.card;

import java.lang.System.Logger.Level;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.smartcardio.TerminalFactory;

/**
 * The default {@link CardConnector} and {@link CardReaders} for a {@code javax.smartcardio} provider
 * chosen by name, so that which readers a program uses is configuration, not code:
 * {@value #JNASMARTCARDIO} (jnasmartcardio, real readers through PC/SC) in production, the card
 * simulator's in-process provider ({@code MynaVirtualCard}) in tests and the demo. This library
 * depends on neither at compile time: the provider only has to be on the class path.
 *
 * <p>A provider is found, in this order: registered with {@link Security} under that name (also
 * through a {@code security.provider.N} entry); a known provider that does not register itself,
 * instantiated by class name ({@value #JNASMARTCARDIO}: {@code jnasmartcardio.Smartcardio}); or listed
 * in a {@code META-INF/services/java.security.Provider} file on the class path (the simulator is).
 * The factory type is the one {@code TerminalFactory} the provider offers ({@code PC/SC} for
 * jnasmartcardio, {@code VirtualCard} for the simulator; {@code PC/SC} when it offers several), with no
 * parameter.
 *
 * <pre>{@code
 * CardReaders readers = CardConnectors.readersForProvider(CardConnectors.JNASMARTCARDIO);
 * CardConnector connector = CardConnectors.forProvider(CardConnectors.JNASMARTCARDIO);
 * }</pre>
 *
 * <p>A name that finds no provider, or a provider without a {@code TerminalFactory}, is a
 * misconfiguration: {@link IllegalArgumentException}, at start-up rather than at the first login.
 */
public final class CardConnectors {
    /** Provider name of jnasmartcardio ({@code jnasmartcardio.Smartcardio}, type {@code PC/SC}). */
    public static final String JNASMARTCARDIO = "JNA2PCSC";

    private static final System.Logger LOG = System.getLogger(CardConnectors.class.getName());
    private static final String SERVICE = "TerminalFactory";
    private static final String PCSC = "PC/SC";
    /** Providers that neither register themselves nor list themselves as a service, by class name. */
    /** A bound on skipped service entries, in case a broken one is reported again and again. */
    private static final int MAX_BROKEN_SERVICES = 100;
    private static final Map<String, String> PROVIDER_CLASSES = Map.of(JNASMARTCARDIO, "jnasmartcardio.Smartcardio");

    private CardConnectors() {}

    /**
     * A connector over the readers of the named provider; see the class documentation for the lookup.
     *
     * @param providerName a {@link Provider#getName()}, not null, e.g. {@value #JNASMARTCARDIO}
     * @throws IllegalArgumentException when no such provider is found or it offers no {@code TerminalFactory}
     */
    public static CardConnector forProvider(String providerName) {
        return CardConnector.create(terminalFactory(providerName));
    }

    /**
     * The reader listing of the named provider. It has its own reader context, so listing never waits
     * behind a connector that waits for a card.
     *
     * @param providerName a {@link Provider#getName()}, not null
     * @throws IllegalArgumentException when no such provider is found or it offers no {@code TerminalFactory}
     */
    public static CardReaders readersForProvider(String providerName) {
        return CardReaders.create(terminalFactory(providerName));
    }

    /**
     * The {@code TerminalFactory} of the named provider, for {@link CardConnector#create} and
     * {@link CardReaders#create}.
     *
     * @param providerName a {@link Provider#getName()}, not null
     * @throws IllegalArgumentException when no such provider is found or it offers no {@code TerminalFactory}
     */
    public static TerminalFactory terminalFactory(String providerName) {
        Objects.requireNonNull(providerName, "providerName");
        Provider provider = registered(providerName)
                .or(() -> byClassName(providerName))
                .or(() -> listedAsService(providerName))
                .orElseThrow(() -> new IllegalArgumentException("no javax.smartcardio provider named '"
                        + providerName + "' is registered or on the class path"));
        return terminalFactory(provider);
    }

    /**
     * The {@code TerminalFactory} of {@code provider}, registered or not; its one type (or {@code PC/SC}
     * when it offers several), with no parameter.
     *
     * @param provider the provider, not null
     * @throws IllegalArgumentException when it offers no {@code TerminalFactory}
     */
    public static TerminalFactory terminalFactory(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        List<String> types = provider.getServices().stream()
                .filter(service -> SERVICE.equals(service.getType()))
                .map(Provider.Service::getAlgorithm)
                .sorted()
                .toList();
        if (types.isEmpty()) {
            throw new IllegalArgumentException("provider '" + provider.getName() + "' offers no TerminalFactory");
        }
        String type = types.contains(PCSC) ? PCSC : types.get(0);
        try {
            TerminalFactory factory = TerminalFactory.getInstance(type, null, provider);
            LOG.log(Level.DEBUG, "card readers through provider {0}, type {1}", provider.getName(), type);
            return factory;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("provider '" + provider.getName() + "' cannot make its "
                    + type + " TerminalFactory", e);
        }
    }

    private static Optional<Provider> registered(String name) {
        return Optional.ofNullable(Security.getProvider(name));
    }

    private static Optional<Provider> byClassName(String name) {
        String className = PROVIDER_CLASSES.get(name);
        if (className == null) {
            return Optional.empty();
        }
        try {
            Object instance = Class.forName(className, true, classLoader()).getConstructor().newInstance();
            return Optional.of((Provider) instance);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalArgumentException("provider '" + name + "' (" + className + ") cannot be created", e);
        }
    }

    private static Optional<Provider> listedAsService(String name) {
        Iterator<Provider> providers = ServiceLoader.load(Provider.class, classLoader()).iterator();
        for (int broken = 0; broken < MAX_BROKEN_SERVICES; ) {
            try {
                if (!providers.hasNext()) {
                    return Optional.empty();
                }
                Provider provider = providers.next();
                if (name.equals(provider.getName())) {
                    return Optional.of(provider);
                }
            } catch (ServiceConfigurationError e) {
                // Another library's broken entry must not hide the one asked for; the loader moves on.
                broken++;
                LOG.log(Level.DEBUG, "skipping a java.security.Provider that cannot be loaded: {0}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CardConnectors.class.getClassLoader();
    }
}
