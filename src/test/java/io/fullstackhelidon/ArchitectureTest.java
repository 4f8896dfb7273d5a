package io.fullstackhelidon;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the layers (docs/architecture.md), checked on the compiled main classes: no package cycles; the
 * composition root is imported by nobody; platform packages never import a feature; a feature never reaches into
 * another feature's repository.
 */
class ArchitectureTest {

    private static final String ROOT = "io.fullstackhelidon";
    static final List<String> FEATURES = List.of("users", "items", "login", "utils", "privateapi", "frontend");
    static final List<String> PLATFORM = List.of("config", "db", "docs", "domain", "jobs", "mail", "observability",
                                                 "ratelimit", "redis", "resilience", "security", "web",
                                                 "web.validation");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheEntryPointsKnowTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(MAIN);
    }

    @Test
    void platformPackagesNeverImportAFeature() {
        noClasses().that().resideInAnyPackage(packages(PLATFORM))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .check(MAIN);
    }

    @Test
    void aFeatureAsksAnotherFeaturesServiceNotItsRepository() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackages(ROOT, ROOT + "." + feature)
                    .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "." + feature)
                                                          .and(JavaClass.Predicates.simpleNameEndingWith("Repository")))
                    .check(MAIN);
        }
    }

    @Test
    void everyPackageIsAFeatureOrPlatform() {
        List<String> known = new ArrayList<>(FEATURES);
        known.addAll(PLATFORM);
        assertThat(MAIN.stream().map(JavaClass::getPackageName)
                                                           .filter(name -> !name.equals(ROOT))
                                                           .map(name -> name.substring(ROOT.length() + 1))
                                                           .distinct())
                .as("a new package must be named a feature or a platform package here, so the rules cover it")
                .allMatch(known::contains);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> ROOT + "." + name).toArray(String[]::new);
    }
}
