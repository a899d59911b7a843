package io.mynagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/gateway} as operators run it: configuration errors name the key and exit 2. */
class GatewayMainIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static Process run(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = ROOT.resolve("bin/gateway").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void refusesConfigurationWithHmacAlgorithmNamingTheKey() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "it-main"));
    Path config = dir.resolve("hmac.yaml");
    Files.writeString(config, String.join("\n",
        "issuers:",
        "  - issuer: https://idp.example/realms/myna",
        "    jwksUri: https://idp.example/realms/myna/certs",
        "    algorithms: [RS256, HS256]",
        "routes: []", ""));
    Process process = run("--config", config.toString());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("issuers[0].algorithms").contains("HS256");
  }

  @Test
  void printsUsageWithoutConfig() throws Exception {
    Process process = run();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("usage: gateway --config FILE");
  }
}
