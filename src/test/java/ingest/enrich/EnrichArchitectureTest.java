package ingest.enrich;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ingest.enrich is a room of its own: pure functions over bundled data, with a small public surface. */
@AnalyzeClasses(packages = "ingest.enrich", importOptions = ImportOption.DoNotIncludeTests.class)
class EnrichArchitectureTest {

    @ArchTest
    static final ArchRule enrich_depends_on_no_other_footfall_code = noClasses()
            .that().resideInAPackage("ingest.enrich..")
            .should().dependOnClassesThat().resideInAnyPackage("analytics..", "events..")
            .orShould().dependOnClassesThat().resideInAPackage("ingest")
            .because("enrichment is a step the pipeline calls; it knows nothing of the pipeline");

    @ArchTest
    static final ArchRule enrich_does_no_database_redis_or_http_work = noClasses()
            .that().resideInAPackage("ingest.enrich..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus.redis..", "io.vertx..", "jakarta.persistence..",
                    "java.sql..", "java.net.http..", "io.quarkus.hibernate..")
            .because("enrich runs on the event loop per hit: no blocking calls, no stored state");

    private static final Set<String> PUBLIC_SURFACE = Set.of("Enrichment", "HitFacts", "Enriched", "Acquisition",
            "Utm", "Device", "Location", "Channel", "SourceCategory");

    // nested classes are left out: Countries.Entry is public only for the MaxMind reader's reflection
    @ArchTest
    static final ArchRule only_the_facade_and_its_values_are_public = classes()
            .that().resideInAPackage("ingest.enrich").and().haveModifier(JavaModifier.PUBLIC)
            .and().areNotNestedClasses()
            .should(be(describe("the facade or one of its values", c -> PUBLIC_SURFACE.contains(c.getSimpleName()))))
            .because("other modules see one facade and the values it returns");
}
