package dev.bridle.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.config.AppMismatchException;
import dev.bridle.config.Environment;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One app per use case, across starts on one store: an app that ran as one environment does not start as another. */
abstract class AppRegistryContract extends StoreTestBase {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T09:00:00Z"));

    @BeforeEach
    void empty() {
        sql("DELETE FROM platform_app");
    }

    @Test
    void anAppStartsAgainAsItsEnvironmentAndNotAsAnother() {
        AppRegistry apps = new AppRegistry(db, clock);
        apps.starting("dev-app-key-123", Environment.DEV, "acme-bots-dev");
        clock.advance(Duration.ofDays(2));
        apps.starting("dev-app-key-123", Environment.DEV, "acme-bots-dev");

        assertThatThrownBy(() -> new AppRegistry(db, clock).starting("dev-app-key-123", Environment.PROD, "acme-prod"))
                .isInstanceOf(AppMismatchException.class)
                .hasMessageContaining("MULTIPLE_APPS")
                .hasMessageContaining("ran on this store as dev (app \"acme-bots-dev\", since 2026-12-03T09:00:00Z)")
                .hasMessageContaining("may not run as prod")
                .hasMessageNotContaining("dev-app-key-123");
        new AppRegistry(db, clock).starting("prod-app-key-456", Environment.PROD, "acme-prod");
    }

    @Test
    void theStoreKeepsAHashOfTheKeyNeverTheKey() {
        new AppRegistry(db, clock).starting("dev-app-key-123", Environment.DEV, "acme-bots-dev");

        assertThat(queryString("SELECT COUNT(*) FROM platform_app")).isEqualTo("1");
        assertThat(queryString("SELECT app_key_hash FROM platform_app"))
                .hasSize(64)
                .doesNotContain("dev-app-key");
    }

    /** Two nodes starting at once as different environments: one of them is refused, never both recorded. */
    @Test
    void twoStartsAtOnceAsDifferentEnvironmentsCannotBothPass() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Environment>> starts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Environment environment = i % 2 == 0 ? Environment.DEV : Environment.PROD;
            starts.add(pool.submit(() -> {
                go.await();
                new AppRegistry(db, clock).starting("shared-key", environment, "acme-" + environment);
                return environment;
            }));
        }
        go.countDown();
        List<Environment> started = new ArrayList<>();
        int refused = 0;
        for (Future<Environment> start : starts) {
            try {
                started.add(start.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(AppMismatchException.class);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(started).isNotEmpty().allMatch(e -> e == started.get(0));
        assertThat(refused).isEqualTo(threads - started.size());
        assertThat(queryString("SELECT environment FROM platform_app"))
                .isEqualTo(started.get(0).name());
    }
}
