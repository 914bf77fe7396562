package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.config.Purpose;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.internal.platform.twitter.SandboxFixture;
import dev.bridle.internal.read.ReadPlan;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a read becomes when the platform refuses it, on the real sandbox: a 401 (revoked token) or a 403 that refuses
 * the account (locked) fails the read, is ledgered with {@code ACCOUNT_PAUSED} and pauses the account as an action's
 * refusal does, so later reads are refused before any request until it is resumed; a 403 for the one resource fails
 * only that read.
 */
class ReadRefusalsByThePlatformTest {

    private static final String LOOKUP = "GET /2/users/by/username/:username";

    @TempDir
    Path dir;

    private final SandboxFixture fixture = new SandboxFixture();
    private Database db;
    private JdbcAuditLedger ledger;
    private AccountHealth health;
    private GuardedReads reads;

    @BeforeEach
    void open() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        ledger = JdbcAuditLedger.open(db);
        health = new AccountHealth(db, fixture.clock);
        reads = new GuardedReads(
                "support",
                fixture.account("acme"),
                Set.of(Purpose.CUSTOMER_SUPPORT),
                ReadPlan.standard(query -> Optional.empty(), health),
                fixture.platform(ApiVersion.V2),
                ledger,
                fixture.clock,
                health);
    }

    @AfterEach
    void close() {
        ledger.close();
        db.close();
        fixture.close();
    }

    private List<LedgerRecord> rows() {
        return ledger.tail(100).stream().map(e -> e.record()).toList();
    }

    private long lookups() {
        return fixture.requests().stream()
                .filter(r -> LOOKUP.equals(r.endpoint()))
                .count();
    }

    @Test
    void aRevokedTokenFailsTheReadAndPausesTheAccountUntilItIsResumed() {
        fixture.sandbox.flag("acme", AccountFlag.TOKEN_REVOKED);

        assertThat(reads.user("ana"))
                .isInstanceOfSatisfying(
                        ReadResult.Failed.class,
                        f -> assertThat(f.message())
                                .startsWith("BAD_CREDENTIALS: " + LOOKUP + " answered 401, code 89"));
        assertThat(health.pauseOf("acme"))
                .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.BAD_CREDENTIALS));

        // Paused: the next read is refused before any request, as the account's actions are.
        assertThat(reads.user("ana"))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.ACCOUNT_PAUSED));
        // Deleting stream rules needs no purpose, but is not sent as a paused account either.
        assertThat(reads.streamRules().delete(List.of("1")))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.ACCOUNT_PAUSED));
        assertThat(lookups()).isEqualTo(1);
        assertThat(fixture.requests()).noneMatch(r -> r.path().contains("/stream/rules"));
        assertThat(rows())
                .extracting(LedgerRecord::event, LedgerRecord::reason, LedgerRecord::guard)
                .containsExactly(
                        tuple(LedgerEvent.FAILED, "ACCOUNT_PAUSED", null),
                        tuple(LedgerEvent.DENIED, "ACCOUNT_PAUSED", "AccountPauseReadStep"),
                        tuple(LedgerEvent.DENIED, "ACCOUNT_PAUSED", "AccountPauseReadStep"));
        assertThat(rows().get(0).error()).contains("401, code 89");

        fixture.sandbox.clearFlags("acme");
        health.resume("acme");
        assertThat(reads.user("ana")).isInstanceOf(ReadResult.Read.class);
    }

    @Test
    void aLockedAccountsReadPausesItAsLocked() {
        fixture.sandbox.flag("acme", AccountFlag.LOCKED);

        assertThat(reads.user("ana"))
                .isInstanceOfSatisfying(
                        ReadResult.Failed.class,
                        f -> assertThat(f.message())
                                .startsWith("ACCOUNT_RESTRICTED: " + LOOKUP + " answered 403, code 326"));
        assertThat(health.pauseOf("acme"))
                .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.LOCKED));
    }

    @Test
    void aForbiddenResourceFailsThatReadOnlyAndPausesNothing() {
        fixture.sandbox.faults(FaultPlan.builder()
                .script(
                        LOOKUP,
                        s -> s.then(Fault.error(403, 220, "Your credentials do not allow access to this resource.")))
                .build());

        assertThat(reads.user("ana"))
                .isInstanceOfSatisfying(
                        ReadResult.Failed.class,
                        f -> assertThat(f.message())
                                .isEqualTo(
                                        "REJECTED: " + LOOKUP
                                                + " answered 403, code 220: Your credentials do not allow access to this resource."));
        assertThat(health.pauseOf("acme")).isEmpty();
        assertThat(rows())
                .extracting(LedgerRecord::event, LedgerRecord::reason)
                .containsExactly(tuple(LedgerEvent.FAILED, null));

        assertThat(reads.user("ana")).isInstanceOf(ReadResult.Read.class);
        assertThat(lookups()).isEqualTo(2);
    }
}
