package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.bridle.internal.node.ConfigFingerprint;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.secret.Secret;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL role and database {@code docs/multi-node.md} tells an operator to create (a login role that owns its
 * database, no superuser) are enough: the schema migrates as that role and a node joins.
 */
@PostgresTest
class PostgresGuideRoleTest {

    @Test
    void theRoleAndDatabaseOfTheGuideAreEnoughToMigrateAndJoin(StoreConfig admin) throws Exception {
        String name = "bridle_guide_"
                + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
        try (Database server = Database.open(admin);
                var c = server.dataSource().getConnection();
                var st = c.createStatement()) {
            try {
                st.execute("CREATE ROLE " + name + " LOGIN PASSWORD 'change-me'");
            } catch (SQLException e) {
                assumeThat(e.getSQLState())
                        .as("the test server's user may not create roles")
                        .isNotEqualTo("42501");
                throw e;
            }
            st.execute("CREATE DATABASE " + name + " OWNER " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        String url = admin.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Database store = Database.open(new StoreConfig(url, name, Secret.of("change-me")))) {
            store.migrate();
            try (NodeRegistry node =
                    NodeRegistry.join(store, new ConfigFingerprint("bots:\n", "0"), Clock.systemUTC())) {
                assertThat(node.isAlive(node.id())).isTrue();
            }
        }
    }
}
