package dev.bridle.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.platform.PlatformException;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the account-health registry keeps, on every database; one subclass per database. */
abstract class AccountHealthContract extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final MutableClock clock = MutableClock.at(T0);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private AccountHealth health;

    @BeforeEach
    void empty() {
        sql("DELETE FROM account_pause", "DELETE FROM account_kind_pause");
        health = new AccountHealth(db, clock);
        logs.list.clear();
        logs.start();
        ((Logger) LoggerFactory.getLogger(AccountHealth.class)).addAppender(logs);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(AccountHealth.class)).detachAppender(logs);
    }

    private static PlatformException locked() {
        return new PlatformException(
                PlatformException.Kind.ACCOUNT_RESTRICTED,
                "POST /2/tweets answered 403, code 326: this account is temporarily locked",
                403,
                326,
                null,
                null);
    }

    @Test
    void aPauseIsKeptWithItsReasonCodeTimeAndMessage() {
        assertThat(health.pause("@Acme", locked())).isTrue();

        assertThat(health.pauseOf("acme"))
                .contains(new AccountPause(
                        "acme",
                        PauseReason.LOCKED,
                        326,
                        403,
                        T0,
                        "POST /2/tweets answered 403, code 326: this account is temporarily locked"));
        assertThat(health.paused()).hasSize(1);
        assertThat(health.pauseOf("beta")).isEmpty();
    }

    @Test
    void pausingTwiceKeepsTheFirstPauseAndLogsItLoudlyOnce() {
        health.pause("acme", locked());
        clock.advance(Duration.ofMinutes(1));

        assertThat(health.pause("acme", PauseReason.LOOKS_AUTOMATED, 226, 403, "again"))
                .isFalse();

        assertThat(health.pauseOf("acme")).hasValueSatisfying(p -> {
            assertThat(p.reason()).isEqualTo(PauseReason.LOCKED);
            assertThat(p.since()).isEqualTo(T0);
        });
        assertThat(logs.list)
                .filteredOn(e -> e.getLevel() == Level.ERROR)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("ACCOUNT PAUSED: @acme", "LOCKED", "326", "bridle accounts resume acme"));
    }

    @Test
    void resumingClearsThePause() {
        health.pause("acme", locked());

        assertThat(health.resume("ACME")).isTrue();
        assertThat(health.resume("acme")).isFalse();
        assertThat(health.pauseOf("acme")).isEmpty();
    }

    @Test
    void aDailyLimitPausesItsKindsUntilTheWindowEnds() {
        Instant end = T0.plus(Duration.ofHours(24));
        health.pauseKinds("acme", AccountHealth.sharingDailyLimit(ActionKind.REPLY), end, 185);

        assertThat(health.pausedUntil("acme", ActionKind.POST)).contains(end);
        assertThat(health.pausedUntil("acme", ActionKind.REPOST)).contains(end);
        assertThat(health.pausedUntil("acme", ActionKind.FOLLOW)).isEmpty();
        assertThat(health.pausedUntil("beta", ActionKind.POST)).isEmpty();
        assertThat(health.kindPauses())
                .extracting(KindPause::kind)
                .containsExactlyInAnyOrder(ActionKind.POST, ActionKind.REPLY, ActionKind.REPOST);

        clock.set(end);
        assertThat(health.pausedUntil("acme", ActionKind.POST)).isEmpty();
        assertThat(health.kindPauses()).isEmpty();
    }

    @Test
    void aLaterWindowEndWinsAndAnEarlierOneDoesNotShortenIt() {
        health.pauseKinds("acme", List.of(ActionKind.FOLLOW), T0.plusSeconds(100), 161);
        health.pauseKinds("acme", List.of(ActionKind.FOLLOW), T0.plusSeconds(300), 161);
        health.pauseKinds("acme", List.of(ActionKind.FOLLOW), T0.plusSeconds(200), 161);

        assertThat(health.pausedUntil("acme", ActionKind.FOLLOW)).contains(T0.plusSeconds(300));
    }

    @Test
    void reasonsComeFromTheCodesAndCredentialFailures() {
        assertThat(PauseReason.of(
                        new PlatformException(PlatformException.Kind.ACCOUNT_RESTRICTED, "x", 403, 226, null, null)))
                .isEqualTo(PauseReason.LOOKS_AUTOMATED);
        assertThat(PauseReason.of(
                        new PlatformException(PlatformException.Kind.ACCOUNT_RESTRICTED, "x", 403, 261, null, null)))
                .isEqualTo(PauseReason.APP_CANNOT_WRITE);
        assertThat(PauseReason.of(
                        new PlatformException(PlatformException.Kind.BAD_CREDENTIALS, "x", 401, -1, null, null)))
                .isEqualTo(PauseReason.BAD_CREDENTIALS);
        assertThat(PauseReason.of(
                        new PlatformException(PlatformException.Kind.ACCOUNT_RESTRICTED, "x", 403, 999, null, null)))
                .isEqualTo(PauseReason.RESTRICTED);
    }
}
