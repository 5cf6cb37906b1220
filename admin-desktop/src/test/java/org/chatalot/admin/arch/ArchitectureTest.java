package org.chatalot.admin.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md's layer rules for the admin app, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.chatalot.admin");

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        noClasses().that()
                .haveNameMatching(".*(ViewModel|Tiles|Form|Export|Monitor|HistoryStore|Sample|Changes)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }

    @Test
    void sharedHelpersOtherThanTheViewOnesStayOffTheSceneGraph() {
        noClasses().that().resideInAPackage("..admin.common..")
                .and().haveNameNotMatching(".*\\.(Fxml|View|Dialogs|Tables|Clipboards)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }

    @Test
    void clientTrustChecksAndCliHaveNoJavaFx() {
        noClasses().that().resideInAnyPackage("..admin.api..", "..admin.connection..", "..admin.cli..")
                .or().haveFullyQualifiedName("org.chatalot.admin.doctor.DoctorChecks")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(CLASSES);
    }

    @Test
    void theAdminAppNeverDependsOnTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.chatalot.server..").check(CLASSES);
    }
}
