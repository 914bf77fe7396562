package dev.bridle.internal.store;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class its own fresh PostgreSQL database: declare a {@link StoreConfig} parameter (constructor,
 * {@code @BeforeAll}, {@code @BeforeEach} or test method) and every one in the class gets the same database.
 *
 * <pre>{@code
 * @PostgresTest  // or @ExtendWith(PostgresDatabase.class)
 * class QuartzOnPostgresTest {
 *     @BeforeAll static void open(StoreConfig store) { db = Database.open(store); db.migrate(); }
 * }
 * }</pre>
 *
 * Contract subclasses that supply their configuration from a method call {@link TestStores#postgres(String)} instead,
 * and carry {@link PostgresTest} so that a skip shows. The server comes from {@link PostgresServer}: tests fail if
 * there is none, unless {@code -Dbridle.test.postgres=skip}.
 */
public final class PostgresDatabase implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabase.class);

    /** Disabled, and so reported as skipped, only under {@code -Dbridle.test.postgres=skip}. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PostgresServer.SKIP.equals(System.getProperty(PostgresServer.SKIP_PROPERTY))
                ? ConditionEvaluationResult.disabled(
                        "PostgreSQL tests skipped: -D" + PostgresServer.SKIP_PROPERTY + "=" + PostgresServer.SKIP)
                : ConditionEvaluationResult.enabled(
                        "PostgreSQL tests run unless -D" + PostgresServer.SKIP_PROPERTY + "=" + PostgresServer.SKIP);
    }

    /** Fails the class before any parameter is asked for, so the reason shows as it is. */
    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresServer.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StoreConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        testClass, c -> TestStores.postgres(testClass.getSimpleName()), StoreConfig.class);
    }
}
