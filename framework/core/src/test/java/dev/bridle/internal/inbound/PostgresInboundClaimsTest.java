package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.inbound.InboundClaims.Claim.Outcome;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.TestStores;
import org.junit.jupiter.api.Test;

/** Inbound claims and leases on PostgreSQL, with several nodes alive at once. */
@PostgresTest
class PostgresInboundClaimsTest extends InboundClaimsContract {

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
    void aMessageALiveNodeIsHandlingIsHeldAndTakenOverOnceItsHeartbeatLapses() throws Exception {
        NodeRegistry busy = node();
        NodeRegistry other = node();
        claims(busy).claim(MENTION);
        InboundClaims claims = claims(other);

        assertThat(claims.claim(MENTION).outcome()).isEqualTo(Outcome.HELD);
        clock.advance(NodeRegistry.LAPSES_AFTER.plusSeconds(1));
        other.beat(); // the other is killed: only this one beats

        assertThat(claims.claim(MENTION)).isEqualTo(new InboundClaims.Claim(Outcome.CLAIMED, 2));
        assertThat(row()).startsWith("CLAIMED " + NodeRegistry.shortId(other.id()) + " 2");
    }
}
