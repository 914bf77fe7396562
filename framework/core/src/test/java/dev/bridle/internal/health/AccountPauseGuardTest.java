package dev.bridle.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Account;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.platform.twitter.Actions;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountPauseGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final Account ACME = new Account("acme", "1");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);
    private Database db;
    private AccountHealth health;
    private AccountPauseGuard guard;

    @BeforeEach
    void open() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        health = new AccountHealth(db, clock);
        guard = new AccountPauseGuard(health);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aHealthyAccountPasses() {
        assertThat(guard.check(Actions.post(ACME, "hi"))).isEqualTo(Verdict.allow());
    }

    @Test
    void aPausedAccountIsDeniedSayingWhyAndHowToResume() {
        health.pause("acme", PauseReason.LOCKED, 326, 403, "this account is temporarily locked");

        Verdict verdict = guard.check(Actions.follow(ACME, "42"));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.ACCOUNT_PAUSED);
            assertThat(d.message()).contains("@acme", "LOCKED", "326", "bridle accounts resume acme");
        });
    }

    @Test
    void aKindOverItsDailyLimitIsDeferredUntilTheWindowEnds() {
        Instant end = T0.plusSeconds(3600);
        health.pauseKinds("acme", List.of(ActionKind.FOLLOW), end, 161);

        assertThat(guard.check(Actions.follow(ACME, "42")))
                .isEqualTo(Verdict.defer(
                        end,
                        ReasonCode.DAILY_LIMIT,
                        "@acme reached the platform's daily limit for follows; its window ends at " + end));
        assertThat(guard.check(Actions.post(ACME, "hi"))).isEqualTo(Verdict.allow());
        clock.set(end);
        assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
    }
}
