package io.quarkiverse.airlock.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.spi.AirlockHooks;

/**
 * The runtime's layers. The core is the public API ({@code io.quarkiverse.airlock}) and the SPI through which
 * integrations plug into it ({@code io.quarkiverse.airlock.spi}): plain Java that runs without Quarkus. Everything under
 * {@code io.quarkiverse.airlock.runtime} wires the core into Quarkus, Vert.x, Narayana, Mutiny, Micrometer and
 * OpenTelemetry, and depends on it, never the reverse.
 */
class LayersTest {

    private static final String API = "io.quarkiverse.airlock";
    private static final String SPI = "io.quarkiverse.airlock.spi";

    /** What makes {@code @AirlockScope} a CDI interceptor binding: annotations, which a JVM without CDI ignores. */
    private static final Set<String> BINDING_ANNOTATIONS = Set.of("jakarta.interceptor.InterceptorBinding",
            "jakarta.enterprise.util.Nonbinding");

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void theCoreDependsOnlyOnTheJdkAndJBossLogging() {
        classes().that().resideInAnyPackage(API, SPI)
                .should().onlyDependOnClassesThat(describe("in the JDK, JBoss Logging or the core itself",
                        (JavaClass target) -> target.getPackageName().startsWith("java.")
                                || target.getPackageName().equals("java")
                                || target.getPackageName().startsWith("org.jboss.logging")
                                || target.getPackageName().equals(API)
                                || target.getPackageName().equals(SPI)
                                || target.isPrimitive()
                                || target.isArray() && target.getBaseComponentType().isPrimitive()
                                || BINDING_ANNOTATIONS.contains(target.getName())))
                .check(RUNTIME);
    }

    @Test
    void onlyTheScopeAnnotationNamesCdi() {
        classes().that().resideInAnyPackage(API, SPI)
                .and().doNotHaveFullyQualifiedName(API + ".AirlockScope")
                .should().onlyDependOnClassesThat(describe("outside jakarta",
                        (JavaClass target) -> !target.getPackageName().startsWith("jakarta.")))
                .check(RUNTIME);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(API) || name.equals(SPI)) {
                    // one unit: the SPI speaks of scopes and intents, and the API calls what is installed there
                    return SliceIdentifier.of("core");
                }
                return name.startsWith(API + ".") ? SliceIdentifier.of(name.substring(API.length() + 1))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the core and each package of the runtime";
            }
        }).should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void whatIntegrationsInstallLivesInOnePlace() {
        fields().that().areStatic().and().areNotFinal()
                .and().areDeclaredInClassesThat().resideInAnyPackage(API, SPI)
                .should(describeFieldOwner())
                .check(RUNTIME);
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaField> describeFieldOwner() {
        return new com.tngtech.archunit.lang.ArchCondition<>(
                "be declared in " + AirlockHooks.class.getSimpleName() + " (what integrations install) or "
                        + Airlock.class.getSimpleName() + " (the defaults of Airlock.configure)") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaField field,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                JavaClass owner = field.getOwner();
                if (!owner.isEquivalentTo(AirlockHooks.class) && !owner.isEquivalentTo(Airlock.class)) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(field,
                            field.getFullName() + " is mutable global state outside AirlockHooks"));
                }
            }
        };
    }
}
