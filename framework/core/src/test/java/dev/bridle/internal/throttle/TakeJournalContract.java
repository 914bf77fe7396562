package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.sandbox.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In-memory buckets journaled to {@link TakeJournal} come back after a restart as they were: each "restart" is a new
 * {@link LocalBucketStore} and {@link Throttles#journaled} on the same database, with the settable clock where the test
 * puts it. Each database's test extends it.
 */
abstract class TakeJournalContract {

    static final Duration HOUR = Duration.ofHours(1);

    final MutableClock clock = MutableClock.at(T0);
    private final List<GuardChain> chains = new ArrayList<>();

    /** A fresh, migrated database; the same one for every node and restart of one test. */
    abstract DataSource dataSource();

    /** Posts limited to {@code limits}, one second apart at least; everything else as by default. */
    static ThrottleSettings posts(Limit... limits) {
        return ThrottleSettings.defaults()
                .withAccountLimits(ActionKind.POST, limits)
                .withMinSpacing(Duration.ofSeconds(1));
    }

    /** A node started now on the journal: its buckets restored from it. */
    GuardChain start(ThrottleSettings settings) {
        Throttles throttles = Throttles.journaled(
                settings,
                clock,
                new LocalBucketStore(clock),
                new TakeJournal(dataSource(), clock),
                new InMemoryFollowHistory(),
                new InMemoryAnsweredInteractions());
        GuardChain chain = new GuardChain(throttles.guards());
        chains.add(chain);
        return chain;
    }

    @AfterEach
    void closeChains() {
        chains.forEach(GuardChain::close);
    }

    /** What the dispatcher does with an allowed post that was sent: keeps its tokens. */
    static Verdict sendPost(GuardChain chain) {
        ActionRequest post = Actions.post(ACME);
        Decision d = chain.evaluate(post);
        if (d.allows()) {
            chain.confirm(post, "1");
        }
        return d.verdict();
    }

    long rows() throws Exception {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM throttle_take")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertDeferredUntil(Verdict verdict, Instant until) {
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_ACCOUNT);
            assertThat(d.until()).isEqualTo(until);
        });
    }

    @Test
    void aTakeFiftyMinutesAgoUnderOnePerHourLeavesTenMinutesToWait() {
        ThrottleSettings onePerHour = posts(Limit.of(1, HOUR));
        assertThat(sendPost(start(onePerHour)).allows()).isTrue();

        clock.advance(Duration.ofMinutes(50));
        GuardChain restarted = start(onePerHour);

        assertDeferredUntil(sendPost(restarted), T0.plus(HOUR));
        clock.set(T0.plus(HOUR));
        assertThat(sendPost(restarted).allows()).isTrue();
    }

    @Test
    void theFractionOfATokenRefilledBeforeTheRestartIsKept() {
        // 3 a day: one token every 8 hours. Two hours after the third post a quarter of a token is
        // back; a restore that dropped it would make the next post wait 8 hours, not 6.
        ThrottleSettings threeADay = posts(Limit.of(3, Duration.ofDays(1)));
        GuardChain first = start(threeADay);
        for (int i = 0; i < 3; i++) {
            assertThat(sendPost(first).allows()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        Instant third = T0.plusSeconds(2);

        clock.set(third.plus(Duration.ofHours(2)));
        GuardChain restarted = start(threeADay);

        assertDeferredUntil(sendPost(restarted), T0.plus(Duration.ofHours(8)));
    }

    @Test
    void aTokenGivenBackDoesNotCountAfterARestart() throws Exception {
        ThrottleSettings onePerHour = posts(Limit.of(1, HOUR));
        GuardChain first = start(onePerHour);
        ActionRequest notSent = Actions.post(ACME);
        assertThat(first.evaluate(notSent).allows()).isTrue();
        assertThat(rows()).as("journaled before it could be sent").isGreaterThan(0);

        first.release(notSent); // the final check stopped it, or the platform certainly did not apply it

        assertThat(rows()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sendPost(start(onePerHour)).allows()).isTrue();
    }

    @Test
    void aRowWhoseWindowHasPassedIsPurgedAndNotReplayed() throws Exception {
        ThrottleSettings onePerHour = posts(Limit.of(1, HOUR));
        assertThat(sendPost(start(onePerHour)).allows()).isTrue();
        long written = rows();
        TakeJournal journal = new TakeJournal(dataSource(), clock);

        clock.set(T0.plus(Duration.ofMinutes(59)));
        assertThat(journal.purgeExpired())
                .as("the spacing row's second has passed, the account row's hour has not")
                .isEqualTo(written - 1);
        clock.set(T0.plus(HOUR));
        List<TakeJournal.Entry> live = new ArrayList<>();
        journal.live(live::add);

        assertThat(live).isEmpty();
        assertThat(journal.purgeExpired()).isEqualTo(1);
        assertThat(rows()).isZero();
    }

    @Test
    void aBotHeldAtItsLimitForLongerThanAWindowGetsNoExtraBurstAfterARestart() {
        // Two at once, then one every 30 minutes for three hours: the bucket stays empty. Rebuilt
        // by replaying the last hour's takes into a full bucket, it would come back with a token
        // almost at once and let a second burst through.
        ThrottleSettings twoPerHour = posts(Limit.of(2, HOUR));
        GuardChain first = start(twoPerHour);
        assertThat(sendPost(first).allows()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sendPost(first).allows()).isTrue();
        for (int i = 1; i <= 6; i++) {
            clock.set(T0.plus(Duration.ofMinutes(30L * i).plusSeconds(1)));
            assertThat(sendPost(first).allows()).as("steady post %d", i).isTrue();
        }

        clock.advance(Duration.ofMinutes(1));
        GuardChain restarted = start(twoPerHour);

        assertDeferredUntil(
                sendPost(restarted), T0.plus(Duration.ofMinutes(210))); // the 8th token of 2 + 1 per 30 minutes
    }

    @Test
    void aRaisedLimitAfterARestartKeepsWhatWasUsed() {
        GuardChain first = start(posts(Limit.of(2, HOUR)));
        assertThat(sendPost(first).allows()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sendPost(first).allows()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        GuardChain restarted = start(posts(Limit.of(3, HOUR)));

        assertThat(sendPost(restarted).allows()).as("the third of 3 per hour").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sendPost(restarted)).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void aNodeRestartedBesideAnotherComesBackWithTheStricterBucket() {
        // Memory buckets on two nodes of one store: each bucket is its node's own; the journal
        // holds both, and a restarted node must not come back more permissive than either.
        ThrottleSettings threePerHour = posts(Limit.of(3, HOUR));
        GuardChain one = start(threePerHour);
        GuardChain two = start(threePerHour);
        for (int i = 0; i < 3; i++) {
            assertThat(sendPost(one).allows()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(sendPost(two).allows()).isTrue(); // the latest row, with 2 tokens left

        clock.advance(Duration.ofSeconds(1));
        GuardChain oneRestarted = start(threePerHour);

        assertThat(sendPost(oneRestarted)).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void anActionWhoseTakesCannotBeJournaledIsNotAllowed() throws Exception {
        GuardChain chain = start(posts(Limit.of(5, HOUR)));
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE throttle_take RENAME TO throttle_take_gone");
        }
        try {
            Decision d = chain.evaluate(Actions.post(ACME));

            assertThat(d.verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Deny.class,
                            deny -> assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE));
            assertThat(d.guard()).isEqualTo("throttle-journal");
        } finally {
            try (Connection c = dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("ALTER TABLE throttle_take_gone RENAME TO throttle_take");
            }
        }
        // and the tokens it took went back: five posts still go
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(sendPost(chain).allows()).as("post %d", i + 1).isTrue();
        }
    }

    @Test
    void anUnreadableRowStopsTheStartAndSaysWhichRow() throws Exception {
        assertThat(sendPost(start(posts(Limit.of(1, HOUR)))).allows()).isTrue();
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("UPDATE throttle_take SET limits = 'ten an hour' WHERE bucket_key LIKE 'account:%'");
        }

        assertThatThrownBy(() -> start(posts(Limit.of(1, HOUR))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("of throttle_take (bucket account:acme_news:POST) cannot be read")
                .hasMessageContaining("delete it");
    }
}
