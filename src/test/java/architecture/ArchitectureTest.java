package architecture;

import static architecture.ClassFileText.includeOneThatMentions;
import static architecture.ClassFileText.mention;
import static architecture.EntityTables.entityMappedTo;
import static architecture.PublicSurface.beNeededOutsideTheirPackage;
import static architecture.PublicSurface.dependOnAnyOf;
import static architecture.RedisCommands.READ_MODEL_WRITES;
import static architecture.RedisCommands.SCRIPTS;
import static architecture.RedisCommands.STREAM;
import static architecture.RedisCommands.command;
import static architecture.RedisCommands.send;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The "Who owns what" table of the design, as rules. archunit.properties makes a rule that matches nothing fail. */
@AnalyzeClasses(packages = {"ingest", "events", "analytics"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** What talks to MySQL: JDBC, JPA and Hibernate, transactions, the connection pool. */
    private static final String[] MYSQL = {"java.sql..", "javax.sql..", "jakarta.persistence..", "org.hibernate..",
            "io.quarkus.hibernate..", "io.quarkus.narayana..", "jakarta.transaction..", "io.agroal.."};

    // Module boundaries: ingest and analytics see only events.api; events sees neither.

    @ArchTest
    static final ArchRule ingest_does_not_depend_on_analytics = noClasses()
            .that().resideInAPackage("ingest..")
            .should().dependOnClassesThat().resideInAPackage("analytics..")
            .because("ingest learns which sites exist from SiteRegistered/SiteRemoved events, not by calling analytics");

    @ArchTest
    static final ArchRule ingest_does_not_depend_on_events_internals = noClasses()
            .that().resideInAPackage("ingest..")
            .should().dependOnClassesThat(resideInAPackage("events..").and(not(resideInAPackage("events.api.."))))
            .because("ingest may use events only through events.api");

    @ArchTest
    static final ArchRule analytics_does_not_depend_on_ingest = noClasses()
            .that().resideInAPackage("analytics..")
            .should().dependOnClassesThat().resideInAPackage("ingest..")
            .because("analytics reads page views from the stream and its Redis read model, never from ingest");

    @ArchTest
    static final ArchRule analytics_does_not_depend_on_events_internals = noClasses()
            .that().resideInAPackage("analytics..")
            .should().dependOnClassesThat(resideInAPackage("events..").and(not(resideInAPackage("events.api.."))))
            .because("analytics may use events only through events.api");

    @ArchTest
    static final ArchRule events_does_not_depend_on_ingest_or_analytics = noClasses()
            .that().resideInAPackage("events..")
            .should().dependOnClassesThat().resideInAnyPackage("ingest..", "analytics..")
            .because("the stream is owned by neither side, so events may use nothing from the other modules");

    // (*) captures the first package segment, so events and events.api form the one slice "events".
    @ArchTest
    static final ArchRule modules_are_free_of_cycles = slices()
            .matching("(*)..")
            .should().beFreeOfCycles()
            .because("ingest -> events <- analytics only holds if no module leans back on another");

    // Only events talks to the Redis stream.

    @ArchTest
    static final ArchRule only_events_uses_the_stream_data_source = noClasses()
            .that().resideOutsideOfPackage("events..")
            .should().dependOnClassesThat().resideInAPackage("io.quarkus.redis.datasource.stream..")
            .because("all Redis-stream code lives in events; other modules use streams through events.api");

    @ArchTest
    static final ArchRule only_events_sends_stream_commands = noClasses()
            .that().resideOutsideOfPackage("events..")
            .should().accessFieldWhere(command("stream", STREAM))
            .because("all Redis-stream code lives in events; other modules use streams through events.api");

    // Positive twin: fails if nothing sends stream commands any more, so the rule above cannot go blind.
    @ArchTest
    static final ArchRule stream_commands_are_sent_from_events = classes()
            .that(send("stream", STREAM))
            .should().resideInAPackage("events..")
            .because("events owns the stream(s): publishing, consumer groups, pending entries, trimming");

    // Only analytics writes the read model.

    @ArchTest
    static final ArchRule only_analytics_sends_read_model_writes = noClasses()
            .that().resideOutsideOfPackage("analytics..")
            .should().accessFieldWhere(command("read-model write", READ_MODEL_WRITES))
            .because("analytics owns the Redis read model (HLL, sorted sets, counters) and is its only writer");

    @ArchTest
    static final ArchRule only_analytics_uses_read_model_data_sources = noClasses()
            .that().resideOutsideOfPackage("analytics..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus.redis.datasource.hyperloglog..", "io.quarkus.redis.datasource.sortedset..",
                    "io.quarkus.redis.datasource.hash..", "io.quarkus.redis.datasource.keys..")
            .because("analytics owns the Redis read model (HLL, sorted sets, counters) and is its only writer");

    // The projector's PFADD/ZINCRBY run inside a Lua script, so the Java-side check is on who may run scripts.
    @ArchTest
    static final ArchRule only_events_analytics_and_visit_assignment_run_scripts = classes()
            .that(send("script", SCRIPTS))
            .should().resideInAnyPackage("events..", "analytics..").orShould().haveFullyQualifiedName("ingest.Visits")
            .because("a script can write any key: events owns the streams, analytics the read model, and ingest's"
                    + " visit assignment only its visitors' visit hashes (ingest/visit.lua)");

    // Only ingest maps or queries page_views.

    @ArchTest
    static final ArchRule only_ingest_maps_page_views = noClasses()
            .that().resideOutsideOfPackage("ingest..")
            .should(be(entityMappedTo("page_views")))
            .because("ingest owns the raw rows in MySQL page_views; the dashboard reads Redis only");

    @ArchTest
    static final ArchRule only_ingest_mentions_page_views = noClasses()
            .that().resideOutsideOfPackage("ingest..")
            .should(mention("page_views"))
            .because("ingest owns the raw rows in MySQL page_views; the dashboard never runs SQL over them");

    // Positive twin: fails if ingest stops naming the table, e.g. after a rename, so the rule above cannot go blind.
    @ArchTest
    static final ArchRule ingest_mentions_page_views = classes()
            .that().resideInAPackage("ingest..")
            .should(includeOneThatMentions("page_views"))
            .because("the page_views checks search for that exact table name");

    // events.api is small and stable: it leans on nothing.

    @ArchTest
    static final ArchRule events_api_does_not_depend_on_other_modules = noClasses()
            .that().resideInAPackage("events.api..")
            .should().dependOnClassesThat().resideInAnyPackage("ingest..", "analytics..")
            .because("events.api is what the other modules depend on, so it must not depend on them");

    @ArchTest
    static final ArchRule events_api_does_not_depend_on_events_internals = noClasses()
            .that().resideInAPackage("events.api..")
            .should().dependOnClassesThat(resideInAPackage("events..").and(not(resideInAPackage("events.api.."))))
            .because("events.api stays small and stable; the Redis implementation behind it may change freely");

    // Rooms of analytics: each uses only the rooms below it, so none leans back on another.

    @ArchTest
    static final ArchRule analytics_rooms_use_only_the_rooms_below_them = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("auth").definedBy("analytics.auth..")
            .layer("dashboard").definedBy("analytics.dashboard..")
            .layer("stats").definedBy("analytics.stats..")
            .layer("readmodel").definedBy("analytics.readmodel..")
            .layer("accounts").definedBy("analytics.accounts..")
            .layer("sites").definedBy("analytics.sites..")
            .layer("worldmap").definedBy("analytics.worldmap..")
            .layer("web").definedBy("analytics.web..")
            .whereLayer("auth").mayNotBeAccessedByAnyLayer()
            .whereLayer("dashboard").mayNotBeAccessedByAnyLayer()
            .whereLayer("stats").mayOnlyBeAccessedByLayers("dashboard")
            .whereLayer("readmodel").mayOnlyBeAccessedByLayers("stats")
            .whereLayer("accounts").mayOnlyBeAccessedByLayers("auth")
            .whereLayer("sites").mayOnlyBeAccessedByLayers("readmodel", "stats", "dashboard")
            .whereLayer("worldmap").mayOnlyBeAccessedByLayers("dashboard", "sites", "accounts", "auth")
            .whereLayer("web").mayOnlyBeAccessedByLayers("accounts", "auth", "sites", "readmodel", "stats", "dashboard")
            // the dashboard asks stats for a breakdown by the read model's Dimension, its one word for a visit property
            .ignoreDependency(resideInAPackage("analytics.dashboard.."),
                    HasName.Predicates.name("analytics.readmodel.Dimension"))
            .because("web <- accounts <- auth; web <- sites <- readmodel <- stats <- dashboard: a newcomer finds a behaviour"
                    + " in one room and its helpers below it");

    @ArchTest
    static final ArchRule analytics_rooms_are_free_of_cycles = slices()
            .matching("analytics.(*)..")
            .should().beFreeOfCycles()
            .because("rooms that lean on each other are one room with two names");

    @ArchTest
    static final ArchRule analytics_has_no_classes_outside_its_rooms = noClasses()
            .should().resideInAPackage("analytics")
            .because("every class of analytics lives in the room of its concern");

    // worldmap's facades wait for the dashboard pages that will use them; WorldMapArchitectureTest names them.
    @ArchTest
    static final ArchRule analytics_rooms_make_public_only_what_others_need = classes()
            .that().resideInAPackage("analytics..").and().resideOutsideOfPackage("analytics.worldmap..")
            .and().arePublic().and().areTopLevelClasses()
            .should(beNeededOutsideTheirPackage())
            .because("a room's surface is small: what other rooms use, and what Quarkus needs to see");

    // ingest: the event-loop side (accept) never touches MySQL; ingest.store is where the raw rows are written.

    @ArchTest
    static final ArchRule ingest_event_loop_side_never_touches_mysql = noClasses()
            .that().resideInAPackage("ingest..").and().resideOutsideOfPackage("ingest.store..")
            .should().dependOnClassesThat().resideInAnyPackage(MYSQL)
            .orShould().dependOnClassesThat().resideInAPackage("ingest.store..")
            .because("/api/event runs on the event loop and must never wait on MySQL; ingest.store writes the rows");

    // Positive twin: fails if nothing in ingest uses MySQL any more, so the rule above cannot go blind.
    @ArchTest
    static final ArchRule ingest_uses_mysql_only_in_store = classes()
            .that().resideInAPackage("ingest..").and(dependOnAnyOf(MYSQL))
            .should().resideInAPackage("ingest.store..")
            .because("the batch writers, failed jobs and raw replays are the part of ingest that owns MySQL");
}
