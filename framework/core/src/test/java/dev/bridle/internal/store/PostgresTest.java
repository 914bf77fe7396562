package dev.bridle.internal.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against PostgreSQL: it gets its own fresh database as a
 * {@link dev.bridle.internal.store.StoreConfig} parameter (see {@link PostgresDatabase}), is tagged {@code postgres},
 * and shows as skipped only under {@code -Dbridle.test.postgres=skip}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
public @interface PostgresTest {}
