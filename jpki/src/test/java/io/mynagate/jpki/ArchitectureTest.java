package io.mynagate.jpki;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module and package rules of {@code jpki}, checked on its main classes so they cannot creep back:
 * packages without cycles, no other module of ours, no logging backend, {@code javax.smartcardio}
 * only in {@code card}, no picocli in the library.
 */
@AnalyzeClasses(packages = "io.mynagate.jpki", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.mynagate.jpki.(*)..")
            .should().beFreeOfCycles();

    /**
     * The card simulator, the bridge and the Keycloak extension depend on jpki, never the reverse (and the
     * gateway on nothing of ours): no io.mynagate.simulator.., io.mynagate.gateway.. or any other module.
     */
    @ArchTest
    static final ArchRule dependsOnNoOtherModuleOfOurs = noClasses().that().resideInAPackage("io.mynagate.jpki..")
            .should().dependOnClassesThat(resideInAPackage("io.mynagate..").and(resideOutsideOfPackage("io.mynagate.jpki..")));

    /** A library must not choose the application's logging: System.Logger only. */
    @ArchTest
    static final ArchRule usesNoLoggingBackend = noClasses().that().resideInAPackage("io.mynagate.jpki..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "ch.qos.logback..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "org.apache.commons.logging..", "java.util.logging..");

    @ArchTest
    static final ArchRule onlyTheCardPackageTalksToCards = noClasses().that().resideInAPackage("io.mynagate.jpki..")
            .and().resideOutsideOfPackage("io.mynagate.jpki.card..")
            .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..");

    /** The command line lives in its own module (jpki-cli); the library has no picocli. */
    @ArchTest
    static final ArchRule libraryUsesNoPicocli = noClasses().that().resideInAPackage("io.mynagate.jpki..")
            .and().resideOutsideOfPackage("io.mynagate.jpki.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");
}
