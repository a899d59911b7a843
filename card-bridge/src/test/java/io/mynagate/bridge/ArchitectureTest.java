package io.mynagate.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The bridge's packages point one way, and production code knows no reader implementation by class. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mynagate.bridge");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.mynagate.bridge.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCardLayerDoesNotKnowTheCommandLine() {
        noClasses().that().resideInAPackage("io.mynagate.bridge.card..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mynagate.bridge.cli..", "picocli..")
                .check(MAIN);
    }

    @Test
    void theLocalPageDoesNotKnowTheCommandLine() {
        noClasses().that().resideInAPackage("io.mynagate.bridge.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mynagate.bridge.cli..", "picocli..")
                .check(MAIN);
    }

    @Test
    void theCardLayerDoesNotKnowTheLocalPage() {
        noClasses().that().resideInAPackage("io.mynagate.bridge.card..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mynagate.bridge.server..", "com.sun.net.httpserver..")
                .check(MAIN);
    }

    @Test
    void productionCodeNamesNeitherTheSimulatorNorJnasmartcardio() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.mynagate.simulator..", "jnasmartcardio..")
                .check(MAIN);
    }
}
