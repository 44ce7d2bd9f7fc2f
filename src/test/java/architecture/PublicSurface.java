package architecture;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Predicates and conditions about who uses a class. A public class earns it: the framework needs it (a resource, an entity, a config mapping) or another package uses it. */
final class PublicSurface {

    private static final String[] FRAMEWORK = {"jakarta.ws.rs.Path", "jakarta.persistence.Entity",
            "io.smallrye.config.ConfigMapping"};

    private PublicSurface() {
    }

    /** Classes with a direct dependency on a class in any of the packages. */
    static DescribedPredicate<JavaClass> dependOnAnyOf(String... packages) {
        DescribedPredicate<JavaClass> inPackages = JavaClass.Predicates.resideInAnyPackage(packages);
        return DescribedPredicate.describe("depend on classes in " + Arrays.toString(packages),
                javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> inPackages.test(dependency.getTargetClass())));
    }

    static ArchCondition<JavaClass> beNeededOutsideTheirPackage() {
        return new ArchCondition<>("be a resource, an entity, a config mapping or used from another package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean framework = Arrays.stream(FRAMEWORK).anyMatch(javaClass::isAnnotatedWith);
                boolean usedOutside = javaClass.getDirectDependenciesToSelf().stream().map(Dependency::getOriginClass)
                        .map(JavaClass::getPackageName)
                        .anyMatch(origin -> !origin.equals(javaClass.getPackageName()));
                // a public type's accessor may return it (a template's view model): then it is part of that surface
                boolean exposed = javaClass.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> dependency.getOriginClass().getModifiers().contains(JavaModifier.PUBLIC)
                                && dependency.getOriginClass().getMethods().stream()
                                .anyMatch(method -> method.getModifiers().contains(JavaModifier.PUBLIC)
                                        && method.getRawReturnType().equals(javaClass)));
                if (!framework && !usedOutside && !exposed) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is public, but nothing outside " + javaClass.getPackageName() + " uses it"));
                }
            }
        };
    }
}
