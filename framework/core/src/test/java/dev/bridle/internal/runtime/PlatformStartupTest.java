package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Account;
import dev.bridle.config.Environment;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.platform.twitter.Actions;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At start-up: accounts the platform refuses are paused while the others carry on; unsettled actions are reconciled.
 */
class PlatformStartupTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    private BridleConfig config;
    private TestSandbox world;
    private dev.bridle.platform.Platform platform;
    private Sandbox sandbox;

    @BeforeEach
    void sandbox() {
        config = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("startup-dev", "testing"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme", null), new AccountConfig("beta", null)),
                List.of());
        world = TestSandbox.start(config, clock);
        config = world.config();
        platform = PlatformFactory.connect(config, clock, PlatformLimits.inMemory(clock));
        sandbox = world.sandbox();
    }

    @AfterEach
    void close() {
        world.close();
    }

    private BridleRuntime start() {
        return BridleRuntime.create(config, PlatformSource.of(platform), clock, RuntimeOptions.defaults());
    }

    @Test
    void revokedTokensPauseTheAccountUntilTheyVerifyAgain() {
        sandbox.flag("acme", AccountFlag.TOKEN_REVOKED);
        try (BridleRuntime runtime = start()) {
            assertThat(runtime.accountHealth().pauseOf("acme"))
                    .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.BAD_CREDENTIALS));
            assertThat(runtime.accounts().get("acme").userId()).isNull();
            assertThat(runtime.accounts().get("beta").userId()).isEqualTo(sandbox.userId("beta"));
        }

        sandbox.clearFlags("acme");
        try (BridleRuntime runtime = start()) {
            assertThat(runtime.accountHealth().pauseOf("acme")).isEmpty();
            assertThat(runtime.accounts().get("acme").userId()).isEqualTo(sandbox.userId("acme"));
        }
    }

    @Test
    void aLockedAccountStaysPausedUntilAnOperatorResumesIt() {
        sandbox.flag("acme", AccountFlag.LOCKED);
        try (BridleRuntime runtime = start()) {
            assertThat(runtime.accountHealth().pauseOf("acme"))
                    .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.LOCKED));
        }

        sandbox.clearFlags("acme");
        try (BridleRuntime runtime = start()) {
            assertThat(runtime.accountHealth().pauseOf("acme")).isPresent();
        }
    }

    @Test
    void anActionThatWentOutBeforeACrashIsRecordedAsSentAtTheNextStart() throws Exception {
        Account acme = new Account("acme", sandbox.userId("acme"));
        var post = Actions.post(acme, "sent just before the crash");
        try (Database db = Database.open(config.store())) {
            db.migrate();
            try (JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
                ledger.append(LedgerRecords.decision(post, clock.instant(), LedgerEvent.ALLOWED, null, null, null));
            }
        }
        String id = platform.perform(post).platformId();

        try (BridleRuntime runtime = start()) {
            List<LedgerRecord> rows = runtime.ledger().tail(10).stream()
                    .map(e -> e.record())
                    .filter(r -> post.requestId().equals(r.requestId()))
                    .toList();
            assertThat(rows)
                    .extracting(LedgerRecord::event)
                    .containsExactly(LedgerEvent.ALLOWED, LedgerEvent.RECONCILED, LedgerEvent.SENT);
            assertThat(rows.get(2).platformId()).isEqualTo(id);
        }
        assertThat(sandbox.sent("acme").posts()).hasSize(1);
    }
}
