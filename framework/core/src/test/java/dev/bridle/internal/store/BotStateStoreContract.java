package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BotStateStore} on a database must do; one subclass per database. */
abstract class BotStateStoreContract extends StoreTestBase {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    BotStateStore store;

    @BeforeEach
    void emptyStore() {
        sql("DELETE FROM bot_state");
        store = new JdbcBotStateStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(store.get("thanks", "cursor")).isEmpty();
    }

    @Test
    void putThenGetReturnsTheValue() {
        store.put("thanks", "cursor", "1789000000000000001");

        assertThat(store.get("thanks", "cursor")).hasValue("1789000000000000001");
    }

    @Test
    void putOverwrites() {
        store.put("thanks", "cursor", "1");
        store.put("thanks", "cursor", "2");

        assertThat(store.get("thanks", "cursor")).hasValue("2");
        assertThat(queryString("SELECT COUNT(*) FROM bot_state")).isEqualTo("1");
    }

    @Test
    void botsDoNotSeeEachOthersState() {
        store.put("thanks", "cursor", "1");
        store.put("digest", "cursor", "2");

        assertThat(store.get("thanks", "cursor")).hasValue("1");
        assertThat(store.get("digest", "cursor")).hasValue("2");
    }

    @Test
    void removeDeletesOnlyThatKey() {
        store.put("thanks", "cursor", "1");
        store.put("thanks", "other", "2");

        store.remove("thanks", "cursor");
        store.remove("thanks", "never-there");

        assertThat(store.get("thanks", "cursor")).isEmpty();
        assertThat(store.get("thanks", "other")).hasValue("2");
    }

    @Test
    void valuesKeepEveryCharacter() {
        String value = "{\"a\": \"ünï ☃ 🐴\", \"b\": \"line\\nbreak\"} " + "x".repeat(20_000);

        store.put("thanks", "json", value);

        assertThat(store.get("thanks", "json")).hasValue(value);
    }

    @Test
    void updatedAtComesFromTheClock() {
        store.put("thanks", "cursor", "1");

        assertThat(queryString("SELECT updated_at FROM bot_state")).startsWith("2025-03-01");
    }

    @Test
    void concurrentPutsOfOneNewKeyAllSucceed() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String value = "v" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        store.put("thanks", "key" + i, value);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(queryString("SELECT COUNT(*) FROM bot_state")).isEqualTo("20");
        assertThat(store.get("thanks", "key0").orElseThrow()).matches("v[0-7]");
    }
}
