package io.mynagate.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's package structure, checked on its production classes (test classes are not
 * imported). Each rule says why it exists; a rule that matches no class fails (ArchUnit's default),
 * so a rule cannot pass by looking at nothing.
 */
@AnalyzeClasses(packages = "io.mynagate.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {
  @ArchTest
  static final ArchRule packagesFormNoCycles = slices()
      .matching("io.mynagate.gateway.(*)..")
      .should().beFreeOfCycles()
      .because("a cycle makes two packages one: neither can be read, tested or changed alone");

  /**
   * The slices above leave out the root package itself; this closes that gap: the root ({@code
   * Gateway}, {@code GatewayLauncher}, {@code GatewayMain}) wires every other package together,
   * so any dependency back on it is a cycle.
   */
  @ArchTest
  static final ArchRule nothingDependsOnTheRootPackageThatWiresEverything = noClasses()
      .that().resideOutsideOfPackage("io.mynagate.gateway")
      .should().dependOnClassesThat().resideInAPackage("io.mynagate.gateway")
      .because("the root package depends on all the others, so a dependency on it from any of "
          + "them is a package cycle");

  @ArchTest
  static final ArchRule gatewayDependsOnNothingOfOurs = noClasses()
      .that().resideInAPackage("io.mynagate.gateway..")
      .should().dependOnClassesThat(resideInAPackage("io.mynagate..")
          .and(resideOutsideOfPackage("io.mynagate.gateway.."))
          .as("belong to another Myna Gateway module (io.mynagate.jpki.., "
              + "io.mynagate.simulator.., ...)"))
      .because("the gateway only sees standard tokens: it must deploy without jpki, the card "
          + "simulator or any other module of Myna Gateway");

  /**
   * Serving HTTP (Vert.x's {@code HttpServer*} classes, and Vert.x Web's router and handlers
   * should they ever come in) stays in {@code http}. The HTTP client is not covered: {@code jwks}
   * fetches keys with the web client and the launcher builds its options.
   */
  @ArchTest
  static final ArchRule onlyTheHttpPackageServesHttp = noClasses()
      .that().resideOutsideOfPackage("io.mynagate.gateway.http..")
      .should().dependOnClassesThat().haveNameMatching(
          "io\\.vertx\\.core\\.http\\.(HttpServer|ServerWebSocket).*"
              + "|io\\.vertx\\.ext\\.web\\.(?!(client|codec|common)\\.).*")
      .because("the mapping of requests to checks and of rejections to responses lives in one "
          + "package (http.AuthFailures); the checks themselves know nothing of HTTP serving");
}
