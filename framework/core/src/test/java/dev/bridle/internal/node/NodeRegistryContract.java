package dev.bridle.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.config.NodeMismatchException;
import dev.bridle.internal.store.Database;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link NodeRegistry} does on every store. A subclass per database opens a migrated, empty one:
 * {@link H2NodeRegistryTest} and {@link PostgresNodeRegistryTest}.
 */
abstract class NodeRegistryContract {

    /** Opens a migrated, empty database; called before each test. */
    protected abstract Database openDatabase() throws Exception;

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    final List<NodeRegistry> nodes = new ArrayList<>();
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
    }

    @AfterEach
    void close() {
        nodes.forEach(NodeRegistry::close);
        db.close();
    }

    /** A configuration whose bots section is {@code bots}. */
    static ConfigFingerprint config(String bots) {
        String text = "environment: dev\nbots:\n  - " + bots + "\nthrottles:\n  minSpacing: 30s\n";
        return new ConfigFingerprint(text, Integer.toHexString(text.hashCode()));
    }

    NodeRegistry join(ConfigFingerprint config) {
        NodeRegistry node = NodeRegistry.join(db, config, clock);
        nodes.add(node);
        return node;
    }

    int rows(String where) throws Exception {
        try (var c = db.dataSource().getConnection();
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM bridle_node WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aJoiningNodeRecordsItselfAndIsAliveWhileItBeats() throws Exception {
        NodeRegistry node = join(config("quiet"));

        assertThat(rows("node_id = '" + node.id() + "' AND pid = "
                        + ProcessHandle.current().pid() + " AND config_text LIKE '%quiet%'"))
                .isEqualTo(1);
        assertThat(node.isAlive(node.id())).isTrue();
        clock.advance(Duration.ofSeconds(20));
        node.beat();
        clock.advance(Duration.ofSeconds(20));
        assertThat(node.isAlive(node.id())).as("beat 20 s ago").isTrue();
        clock.advance(NodeRegistry.LAPSES_AFTER);
        assertThat(node.isAlive(node.id()))
                .as("silent for longer than it may be")
                .isFalse();
    }

    @Test
    void aStoppedNodeIsNotAlive() {
        NodeRegistry stopping = join(config("quiet"));
        NodeRegistry watching = join(config("quiet"));

        stopping.close();

        assertThat(watching.isAlive(stopping.id())).isFalse();
        assertThat(watching.isAlive(watching.id())).isTrue();
    }

    @Test
    void aRestartedNodeGetsANewId() {
        NodeRegistry first = join(config("quiet"));
        first.close();

        assertThat(join(config("quiet")).id()).isNotEqualTo(first.id());
    }

    @Test
    void aNodeRunningTheSameConfigurationJoinsBesideALiveOne() {
        NodeRegistry a = join(config("quiet"));

        NodeRegistry b = join(config("quiet"));

        assertThat(b.isAlive(a.id())).isEqualTo(livesBesideOthers());
        assertThat(b.isAlive(b.id())).isTrue();
    }

    /** Whether two processes can be alive on this store at once (PostgreSQL), or a join ends the earlier one (H2). */
    abstract boolean livesBesideOthers();

    @Test
    void aNodeConfiguredOtherwiseJoinsOnceTheOthersHaveStopped() {
        join(config("quiet")).close();

        assertThat(join(config("loud")).id()).isNotNull();
    }

    @Test
    void rowsOfNodesSilentForAWeekAreDeletedAtTheNextStart() throws Exception {
        NodeRegistry old = join(config("quiet"));
        old.close();
        clock.advance(NodeRegistry.FORGET_AFTER.plusMinutes(1));

        join(config("quiet"));

        assertThat(rows("node_id = '" + old.id() + "'")).isZero();
    }

    @Test
    void aRefusedNodeLeavesNoRow() throws Exception {
        if (!livesBesideOthers()) {
            return; // on H2 nothing else is alive to refuse it
        }
        join(config("quiet"));

        assertThatThrownBy(() -> join(config("loud"))).isInstanceOf(NodeMismatchException.class);
        assertThat(rows("config_text LIKE '%loud%'")).isZero();
    }
}
