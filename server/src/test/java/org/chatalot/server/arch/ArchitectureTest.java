package org.chatalot.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer and module rules of STYLE.md, enforced. */
@AnalyzeClasses(packages = "org.chatalot.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule serverNeverDependsOnTheAdminAppOrTheInstaller = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.chatalot.admin..", "org.chatalot.installer..");

    @ArchTest
    static final ArchRule servicesAndRepositoriesKnowNothingOfHttp = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon.webserver..", "io.helidon.http..",
                    "org.chatalot.server.http..");

    @ArchTest
    static final ArchRule typedErrorsStayFreeOfFrameworks = classes()
            .that().resideInAPackage("org.chatalot.server.error..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.chatalot.server.error..",
                    "org.chatalot.model..");

    @ArchTest
    static final ArchRule storageDoesNotReachUpIntoHttp = noClasses()
            .that().resideInAPackage("org.chatalot.server.db..")
            .should().dependOnClassesThat().resideInAPackage("org.chatalot.server.http..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("org.chatalot.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStaticMutableState = fields()
            .that().areStatic().should().beFinal()
            .because("wiring is explicit: Main builds the graph, tests build the same graph");

    @ArchTest
    static final ArchRule loggingGoesThroughSystemLogger = noClasses()
            .that().doNotHaveSimpleName("LogSetup").and().doNotHaveSimpleName("ServerLogManager")
            .and().doNotHaveSimpleName("OneLineFormatter")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..");

    @ArchTest
    static final ArchRule onlyTheRootPackageWiresTheServer = noClasses()
            .that().resideOutsideOfPackage("org.chatalot.server")
            .should().dependOnClassesThat().haveSimpleName("ChatServer");
}
