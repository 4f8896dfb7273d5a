package io.fullstackhelidon;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms of the code and the way their arrows point (docs/architecture.md), checked on the compiled main classes:
 * the composition root on top; the features, which use the infrastructure and the contract kit; the kit, which knows
 * no feature and no infrastructure; the Helidon workarounds, which no feature sees and which see nothing of ours but
 * the domain's refusals; and no package cycle anywhere.
 */
class ArchitectureTest {

    static final String ROOT = "io.fullstackhelidon";
    static final String FEATURES = ROOT + ".features..";
    static final String INFRASTRUCTURE = ROOT + ".infra..";
    static final String KIT = ROOT + ".contract..";
    static final String WORKAROUNDS = ROOT + ".workarounds..";
    static final String DOMAIN = ROOT + ".domain..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The rooms and who may enter each; the domain's refusals are for everyone. */
    static Architectures.LayeredArchitecture rooms() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy(ROOT)
                .layer("Features").definedBy(FEATURES)
                .layer("Infrastructure").definedBy(INFRASTRUCTURE)
                .layer("Kit").definedBy(KIT)
                .layer("Workarounds").definedBy(WORKAROUNDS)
                .layer("Domain").definedBy(DOMAIN)
                .whereLayer("Root").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Root")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Root", "Features")
                .whereLayer("Kit").mayOnlyBeAccessedByLayers("Root", "Features", "Infrastructure")
                .whereLayer("Workarounds").mayOnlyBeAccessedByLayers("Root", "Infrastructure", "Kit");
    }

    @Test
    void eachRoomIsEnteredOnlyFromAbove() {
        rooms().check(MAIN);
    }

    @Test
    void workaroundsStandInForHelidonAloneAndKnowNothingOfOursButTheDomain() {
        noClasses().that().resideInAPackage(WORKAROUNDS)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, FEATURES, INFRASTRUCTURE, KIT)
                .check(MAIN);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void aFeatureAsksAnotherFeaturesServiceNotItsRepository() {
        for (String feature : featurePackages()) {
            noClasses().that().resideOutsideOfPackages(ROOT, feature)
                    .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(feature)
                                                          .and(JavaClass.Predicates.simpleNameEndingWith("Repository")))
                    .check(MAIN);
        }
    }

    @Test
    void everyClassIsInARoom() {
        List<String> rooms = List.of(FEATURES, INFRASTRUCTURE, KIT, WORKAROUNDS, DOMAIN).stream()
                .map(room -> room.substring(0, room.length() - 2)).toList();
        assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
                .as("a package outside the rooms is covered by no rule: put it in one")
                .allMatch(name -> name.equals(ROOT) || rooms.stream().anyMatch(
                        room -> name.equals(room) || name.startsWith(room + ".")));
    }

    private static List<String> featurePackages() {
        return MAIN.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + ".features.")).distinct().toList();
    }
}
