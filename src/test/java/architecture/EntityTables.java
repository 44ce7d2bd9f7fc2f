package architecture;

import java.util.Locale;
import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** The table a JPA entity maps to: {@code @Table(name)}, else {@code @Entity(name)}, else the class name. */
final class EntityTables {

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String TABLE = "jakarta.persistence.Table";

    private EntityTables() {
    }

    static DescribedPredicate<JavaClass> entityMappedTo(String table) {
        return DescribedPredicate.describe("a JPA entity mapped to table " + table,
                javaClass -> javaClass.isAnnotatedWith(ENTITY) && comparable(tableOf(javaClass)).equals(comparable(table)));
    }

    private static String tableOf(JavaClass entity) {
        return name(entity, TABLE).or(() -> name(entity, ENTITY)).orElse(entity.getSimpleName());
    }

    private static Optional<String> name(JavaClass javaClass, String annotation) {
        return javaClass.tryGetAnnotationOfType(annotation)
                .flatMap(a -> a.get("name"))
                .map(String::valueOf)
                .filter(name -> !name.isBlank());
    }

    // Naming strategies and quoting may turn PageViews or `PAGE_VIEWS` into page_views; compare what survives them.
    private static String comparable(String name) {
        return name.replaceAll("[`\"_]", "").toLowerCase(Locale.ROOT);
    }
}
