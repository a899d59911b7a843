package io.mynagate.keycloak.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods and {@code @BeforeAll} methods the one {@link RunningKeycloak} of the test run:
 * started on first use, kept in the root context's store, stopped when the run ends. One server for all
 * the module's integration tests, because a start on two cores takes about a minute. A failed start
 * is remembered: every later test fails at once with the same cause instead of starting again.
 */
public final class KeycloakServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningKeycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Startup startup = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class);
        return startup.server();
    }

    /** The outcome of the one start: the server, or why it failed. Closed by JUnit at the end of the run. */
    private static final class Startup implements AutoCloseable {
        private final RunningKeycloak server;
        private final RuntimeException failure;

        private Startup(RunningKeycloak server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
        }

        static Startup attempt() {
            try {
                return new Startup(KeycloakDistribution.fromSystemProperties().start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        RunningKeycloak server() {
            if (failure != null) {
                throw new ParameterResolutionException("Keycloak did not start: " + failure.getMessage(), failure);
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
