package org.devicedesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md: view -> view model -> service -> repository -> core; services and repositories never import JavaFX. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.devicedesk");

    @Test
    void servicesRepositoriesAndCoreDoNotUseJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .or().resideInAPackage("org.devicedesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(MAIN);
    }

    @Test
    void viewsDoNotTouchRepositoriesOrSql() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("org.devicedesk.ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void theDirectorysRulesDoNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.devicedesk.directory..")
                .and().haveSimpleNameNotEndingWith("View").and().haveSimpleNameNotEndingWith("Dialog")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("sign-in, the sync and their LDAP client are tested without a window and called by the headless service")
                .check(MAIN);
    }

    @Test
    void coreDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.devicedesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.devicedesk.people..", "org.devicedesk.devices..",
                        "org.devicedesk.incidents..", "org.devicedesk.travel..", "org.devicedesk.breaches..",
                        "org.devicedesk.accounts..", "org.devicedesk.ui..")
                .check(MAIN);
    }
}
