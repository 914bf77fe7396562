package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link AnsweredInteractions} does; each store's test extends it. */
abstract class AnsweredInteractionsContract {

    abstract AnsweredInteractions store();

    @Test
    void theFirstClaimWinsAndHoldsUntilItsOwnerGivesItUp() {
        AnsweredInteractions store = store();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(store.claim("m1", first, "acme_news", T0)).isTrue();
        assertThat(store.claim("m1", first, "acme_news", T0))
                .as("the owner again")
                .isTrue();
        assertThat(store.claim("m1", second, "beta_news", T0)).isFalse();
        store.unclaim("m1", second);
        assertThat(store.claim("m1", second, "beta_news", T0))
                .as("only the owner can give it up")
                .isFalse();

        store.unclaim("m1", first);

        assertThat(store.claim("m1", second, "beta_news", T0)).isTrue();
        assertThat(store.claim("m2", first, "acme_news", T0)).isTrue();
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        AnsweredInteractions store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = IntStream.range(0, 32)
                    .mapToObj(i -> (Callable<Boolean>) () -> store.claim("m-race", UUID.randomUUID(), "bot_" + i, T0))
                    .toList();
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
