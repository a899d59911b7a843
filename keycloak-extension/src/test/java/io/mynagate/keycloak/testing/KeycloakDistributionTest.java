package io.mynagate.keycloak.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing prerequisite fails the integration tests with what to run; nothing is skipped. */
class KeycloakDistributionTest {
    @TempDir
    Path dir;

    @Test
    void failsWithTheCommandToRunWhenTheDistributionIsNotUnpacked() throws IOException {
        Path providers = Files.createDirectories(dir.resolve("providers"));

        assertThatThrownBy(() -> KeycloakDistribution.of(dir.resolve("missing"), providers, dir.resolve("work"),
                        Duration.ofSeconds(1)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Keycloak distribution at " + dir.resolve("missing"))
                .hasMessageContaining("./mvnw -pl keycloak-extension -am verify");
    }

    @Test
    void failsWhenTargetProvidersLacksJpki() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("keycloak/bin"));
        Files.createFile(dist.resolve("kc.sh"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path providers = Files.createDirectories(dir.resolve("providers"));
        Files.createFile(providers.resolve("keycloak-extension-0.1.0.jar"));
        Files.createFile(providers.resolve("nimbus-jose-jwt-10.10.jar"));

        assertThatThrownBy(() -> KeycloakDistribution.of(dir.resolve("keycloak"), providers, dir.resolve("work"),
                        Duration.ofSeconds(1)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no jpki-*.jar in " + providers);
    }

    @Test
    void failsWhenNotRunByFailsafe() {
        String saved = System.clearProperty(KeycloakDistribution.DIST_DIR);
        try {
            assertThatThrownBy(KeycloakDistribution::fromSystemProperties)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("system property keycloak.dist.dir is not set");
        } finally {
            if (saved != null) {
                System.setProperty(KeycloakDistribution.DIST_DIR, saved);
            }
        }
    }
}
