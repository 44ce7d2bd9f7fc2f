package analytics.worldmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The worldmap room: self-contained, with three public classes. */
@AnalyzeClasses(packages = "analytics.worldmap", importOptions = ImportOption.DoNotIncludeTests.class)
class WorldMapArchitectureTest {

    @ArchTest
    static final ArchRule worldmap_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("analytics.worldmap")
            .should().onlyDependOnClassesThat().resideInAnyPackage("analytics.worldmap", "java..")
            .because("the map and flags are pure functions of their bundled resources, usable from any page");

    @ArchTest
    static final ArchRule worldmap_shows_only_its_facades = classes()
            .that().resideInAPackage("analytics.worldmap").and().arePublic()
            .should().haveNameMatching("analytics\\.worldmap\\.(WorldMap|Flags|Countries)")
            .because("other rooms use the map, the flag URLs and the country names; the rest is private to worldmap");
}
