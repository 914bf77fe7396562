package dev.bridle.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.config.NodeMismatchException;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.TestStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The registry on PostgreSQL, where several nodes are alive at once. */
@PostgresTest
class PostgresNodeRegistryTest extends NodeRegistryContract {

    @Override
    protected Database openDatabase() {
        Database db = Database.open(TestStores.postgres(getClass().getSimpleName()));
        db.migrate();
        return db;
    }

    @Override
    boolean livesBesideOthers() {
        return true;
    }

    @Test
    void aNodeConfiguredOtherwiseIsRefusedWithOneLineNamingTheLiveNodeAndTheSectionsThatDiffer() {
        NodeRegistry live = join(config("quiet"));

        assertThatThrownBy(() -> join(config("loud")))
                .isInstanceOf(NodeMismatchException.class)
                .hasMessageStartingWith("refusing to start: node " + NodeRegistry.shortId(live.id()) + " (host ")
                .hasMessageContaining("pid " + ProcessHandle.current().pid() + ", last heartbeat 0 s ago")
                .hasMessageContaining("sections that differ: bots.")
                .hasMessageContaining("docs/multi-node.md")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aNodeWhoseHeartbeatLapsedDoesNotKeepAnotherConfigurationOut() {
        join(config("quiet")); // killed: its heartbeat stops
        clock.advance(NodeRegistry.LAPSES_AFTER.plus(Duration.ofSeconds(1)));

        assertThat(join(config("loud")).id()).isNotNull();
    }

    /** Two nodes with different configurations starting at the same moment: one joins, the other is refused. */
    @Test
    void ofTwoNodesConfiguredOtherwiseStartingAtOnceExactlyOneJoins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<NodeRegistry>> starts = new ArrayList<>();
                for (String bots : List.of("quiet", "loud")) {
                    starts.add(pool.submit(() -> {
                        together.await();
                        try {
                            return NodeRegistry.join(db, config(bots), clock);
                        } catch (NodeMismatchException refused) {
                            return null;
                        }
                    }));
                }
                List<NodeRegistry> joined = new ArrayList<>();
                for (Future<NodeRegistry> f : starts) {
                    if (f.get() != null) {
                        joined.add(f.get());
                    }
                }

                assertThat(joined).as("round %d", round).hasSize(1);
                joined.forEach(NodeRegistry::close);
            }
        } finally {
            pool.shutdown();
        }
    }
}
