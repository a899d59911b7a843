package io.mynagate.keycloak.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.keycloak.testing.KeycloakDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the package phase puts into {@code target/providers/}, which operators copy into Keycloak's
 * {@code providers/}: the extension and the two libraries Keycloak lacks, and nothing Keycloak ships
 * (a second Bouncy Castle or a Keycloak SPI jar there breaks the server).
 */
class ProvidersDirectoryIT {

    @Test
    void holdsTheExtensionJpkiAndNimbusOnly() throws IOException {
        Path providers = Path.of(System.getProperty(KeycloakDistribution.PROVIDERS_DIR, "target/providers"));

        List<String> jars;
        try (Stream<Path> files = Files.list(providers)) {
            jars = files.map(file -> file.getFileName().toString()).sorted().toList();
        }

        assertThat(jars).hasSize(3);
        assertThat(jars.get(0)).matches("jpki-[0-9.]+(-SNAPSHOT)?\\.jar");
        assertThat(jars.get(1)).matches("keycloak-extension-[0-9.]+(-SNAPSHOT)?\\.jar");
        assertThat(jars.get(2)).matches("nimbus-jose-jwt-[0-9.]+\\.jar");
    }
}
