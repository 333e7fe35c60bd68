package org.devicedesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers and the dependency rule (docs/ARCHITECTURE.md, ADR 0001 and 0015), checked on the bytecode. Classes
 * are selected by what they depend on, not by their names: a class that uses JavaFX is a screen part, whatever it
 * is called, and must be named by the scheme; a class that uses Jdbi or SQL is a service or repository.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.devicedesk");

    private static final String[] UI_TOOLKITS = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli.."};
    private static final String[] FEATURES = {"org.devicedesk.accounts..", "org.devicedesk.audit..", "org.devicedesk.backups..",
            "org.devicedesk.bookings..", "org.devicedesk.breaches..", "org.devicedesk.dashboard..", "org.devicedesk.demo..",
            "org.devicedesk.devices..", "org.devicedesk.directory..", "org.devicedesk.incidents..", "org.devicedesk.mail..",
            "org.devicedesk.people..", "org.devicedesk.settings..", "org.devicedesk.travel.."};
    /** The screen-part suffixes of the naming scheme (docs/ARCHITECTURE.md, "How to write a screen"). */
    private static final List<String> SCREEN_PARTS = List.of("View", "Page", "Form", "Dialog", "Section", "Field", "Model", "Ui");

    /**
     * Screen parts not yet named by the scheme: none is left (issue 15). The list stays so that a class that cannot be
     * renamed at once can be frozen here, with its reason; {@link #theFrozenListOnlyHoldsClassesThatStillBreakTheScheme}
     * fails while a name here has been renamed or no longer uses JavaFX, so the list can only shrink.
     */
    private static final Set<String> NOT_YET_NAMED_BY_THE_SCHEME = Set.of();

    private static final DescribedPredicate<JavaClass> USES_JAVAFX = new DescribedPredicate<>("use JavaFX") {
        @Override public boolean test(JavaClass c) {
            return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> resideInAnyPackage(UI_TOOLKITS).test(d.getTargetClass()));
        }
    };

    private static final DescribedPredicate<JavaClass> USES_THE_DATABASE = new DescribedPredicate<>("use Jdbi or SQL") {
        @Override public boolean test(JavaClass c) {
            return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> resideInAnyPackage("org.jdbi..", "java.sql..").test(d.getTargetClass()));
        }
    };

    private static final DescribedPredicate<JavaClass> NAMED_AS_A_SCREEN_PART = new DescribedPredicate<>("named as a screen part ("
            + String.join(", ", SCREEN_PARTS) + ")") {
        @Override public boolean test(JavaClass c) {
            String outer = outermost(c).getSimpleName();
            return SCREEN_PARTS.stream().anyMatch(outer::endsWith) || NOT_YET_NAMED_BY_THE_SCHEME.contains(outermost(c).getName());
        }
    };

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) o = o.getEnclosingClass().get();
        return o;
    }

    @Test
    void classesThatUseJavaFxAreScreenPartsNamedByTheScheme() {
        classes().that(USES_JAVAFX).and().resideInAnyPackage(FEATURES)
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(NAMED_AS_A_SCREEN_PART))
                .because("a newcomer finds a screen's parts by their names: FooView a screen, FooPage one record, FooForm a form, "
                        + "FooDialog a window, FooSection a block lent to another screen, FooField an input, FooModel a view model, FooUi helpers")
                .check(MAIN);
    }

    @Test
    void theFrozenListOnlyHoldsClassesThatStillBreakTheScheme() {
        Set<String> stale = new TreeSet<>();
        for (String name : NOT_YET_NAMED_BY_THE_SCHEME) {
            if (!MAIN.containPackage(name.substring(0, name.lastIndexOf('.'))) || !MAIN.contain(name)) {
                stale.add(name + " (no longer exists)");
                continue;
            }
            JavaClass c = MAIN.get(name);
            boolean usesFx = USES_JAVAFX.test(c) || MAIN.stream().anyMatch(x -> outermost(x).equals(c) && USES_JAVAFX.test(x));
            if (!usesFx) stale.add(name + " (no longer uses JavaFX)");
        }
        assertEquals(Set.of(), stale, "remove these from NOT_YET_NAMED_BY_THE_SCHEME");
    }

    @Test
    void servicesRepositoriesAndCoreDoNotUseJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .or().resideInAPackage("org.devicedesk.core..").or(USES_THE_DATABASE)
                .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
                .because("the rules are tested without a window and run in the headless service (ADR 0001, 0011)")
                .check(MAIN);
    }

    @Test
    void screensDoNotTouchRepositoriesOrSql() {
        noClasses().that(USES_JAVAFX)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
                .because("a screen reads and writes through its feature's service, which owns the transaction, the audit event and the rules")
                .check(MAIN);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.devicedesk.(*)..").should().beFreeOfCycles()
                .because("each feature depends on core, the ui toolkit and the features it uses, never back (issue 15)")
                .check(MAIN);
    }

    @Test
    void onlyTheApplicationRootKnowsTheWiring() {
        // the root package is no slice of the rule above, so a way back into it is checked on its own
        noClasses().that().resideOutsideOfPackage("org.devicedesk")
                .should().dependOnClassesThat().resideInAPackage("org.devicedesk")
                .because("the root wires every feature (Services, MainWindow, the restart after a restore); a feature that reached back would close a cycle")
                .check(MAIN);
    }

    @Test
    void coreDependsOnNoOtherPackageOfTheApplication() {
        noClasses().that().resideInAPackage("org.devicedesk.core..")
                .should().dependOnClassesThat(resideInAPackage("org.devicedesk..").and(not(resideInAPackage("org.devicedesk.core.."))))
                .because("core is what every feature builds on: the database, the audit trail, sessions, time")
                .check(MAIN);
    }

    @Test
    void theUiToolkitDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.devicedesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .because("ui holds the pieces every screen shares (the shell, columns, date fields, Tasks); features plug into it, not it into them")
                .check(MAIN);
    }

    @Test
    void everyFeaturePackageIsListed() {
        Set<String> found = new TreeSet<>();
        MAIN.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("org.devicedesk.") && !p.startsWith("org.devicedesk.core")
                && !p.startsWith("org.devicedesk.ui")).forEach(p -> found.add(p.split("\\.")[2]));
        Set<String> listed = new TreeSet<>();
        for (String f : FEATURES) listed.add(f.split("\\.")[2]);
        assertEquals(listed, found, "FEATURES must name every feature package, so each rule covers all of them");
    }

    @Test
    void theDirectorysRulesDoNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.devicedesk.directory..").and(not(USES_JAVAFX.and(NAMED_AS_A_SCREEN_PART)))
                .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
                .because("sign-in, the sync and their LDAP client are tested without a window and called by the headless service")
                .check(MAIN);
    }
}
