package io.mynagate.simulator.smartcardio;

import java.security.Provider;

/**
 * A {@link Provider} registering the {@code TerminalFactory} type {@value #TYPE}, implemented by
 * {@link VirtualTerminalFactorySpi}. See the package documentation for the accepted parameters.
 */
public final class VirtualCardProvider extends Provider {
    private static final long serialVersionUID = 1L;
    /** Provider name. */
    public static final String NAME = "MynaVirtualCard";
    /** The {@code TerminalFactory} type this provider offers. */
    public static final String TYPE = "VirtualCard";

    /** Creates the provider. */
    public VirtualCardProvider() {
        super(NAME, "1.0", "Myna Gateway simulated My Number card readers (javax.smartcardio)");
        put("TerminalFactory." + TYPE, VirtualTerminalFactorySpi.class.getName());
    }
}
