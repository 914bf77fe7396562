package dev.bridle.internal.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Aggregates;
import dev.bridle.internal.store.StoreTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What aggregates must do wherever they are kept (each database, and memory for the test kit): add up, keep
 * distributions, stay per bot, refuse per-person series.
 */
abstract class AggregatesContract extends StoreTestBase {

    private static final Map<String, String> DE = Map.of("language", "de");

    /**
     * Where bot {@code bot}'s aggregates are kept; every call for one bot shares its rows, as nodes sharing a store do.
     */
    protected AggregateSeries series(String bot) {
        return new JdbcAggregateSeries(db, bot);
    }

    private Aggregates aggregates(String bot) {
        return new AggregateRules(series(bot));
    }

    @BeforeEach
    void emptyStore() {
        sql("DELETE FROM aggregate_series");
    }

    @Test
    void countersAddUpPerLabelCombination() {
        Aggregates support = aggregates("support");
        support.increment("replies", DE);
        support.increment("replies", DE);
        support.add("replies", Map.of("language", "fr"), 5);

        assertThat(support.count("replies", DE)).isEqualTo(2);
        assertThat(support.count("replies", Map.of("language", "fr"))).isEqualTo(5);
        assertThat(support.count("replies", Map.of("language", "it"))).isZero();
        assertThat(aggregates("digest").count("replies", DE)).isZero();
    }

    @Test
    void labelOrderDoesNotMakeANewSeries() {
        Aggregates support = aggregates("support");
        support.increment("replies", new java.util.LinkedHashMap<>(Map.of("language", "de", "topic", "shipping")));

        assertThat(support.count("replies", Map.of("topic", "shipping", "language", "de")))
                .isEqualTo(1);
    }

    @Test
    void aDistributionKeepsCountSumAndCumulativeBuckets() {
        Aggregates support = aggregates("support");
        for (double seconds : new double[] {0.5, 3, 3, 40}) {
            support.observe("answer_seconds", DE, seconds);
        }

        Aggregates.Distribution d = support.distribution("answer_seconds", DE);

        assertThat(d.count()).isEqualTo(4);
        assertThat(d.sum()).isEqualTo(46.5);
        assertThat(d.mean()).isEqualTo(11.625);
        assertThat(d.atOrBelow()).containsExactly(Map.entry(0.5, 1L), Map.entry(4.0, 3L), Map.entry(64.0, 4L));
    }

    @Test
    void anAggregateCannotGrowIntoAPerPersonTable() {
        Aggregates support = aggregates("support");
        for (int i = 0; i < Aggregates.MAX_SERIES; i++) {
            support.increment("replies", Map.of("bucket", "b" + i));
        }
        support.increment("replies", Map.of("bucket", "b0")); // an existing series still counts

        assertThatThrownBy(() -> support.increment("replies", Map.of("bucket", "one-more")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200 label combinations");
        assertThat(support.count("replies", Map.of("bucket", "b0"))).isEqualTo(2);
    }

    @Test
    void manyThreadsAddingAtOnceLoseNoCount() throws Exception {
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Aggregates own = aggregates("support"); // as separate nodes would
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    own.increment("replies", DE);
                    own.observe("answer_seconds", DE, 2);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Aggregates support = aggregates("support");
        assertThat(support.count("replies", DE)).isEqualTo(threads * each);
        assertThat(support.distribution("answer_seconds", DE).atOrBelow())
                .containsExactly(Map.entry(2.0, (long) threads * each));
    }

    @Test
    void namesAndLabelsThatCouldHoldAPersonAreRefused() {
        Aggregates support = aggregates("support");

        assertThatThrownBy(() -> support.increment("questions-about-posts", DE))
                .hasMessageContaining("not an aggregate name");
        assertThatThrownBy(() -> support.increment("replies", Map.of("user", "support")))
                .hasMessageContaining("holds a person");
        assertThatThrownBy(() -> support.increment("replies", Map.of("from", "@anna")))
                .hasMessageContaining("aggregates keep no identifiers");
    }

    @Test
    void badNumbersAreRefused() {
        Aggregates support = aggregates("support");

        assertThatThrownBy(() -> support.add("replies", DE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> support.observe("answer_seconds", DE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> support.observe("answer_seconds", DE, -3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
