package dev.bridle.internal.consent;

import static dev.bridle.consent.ConsentScope.DM;
import static dev.bridle.consent.ConsentScope.FOLLOW;
import static dev.bridle.consent.ConsentScope.MENTION;
import static dev.bridle.consent.ConsentScope.REPLY;
import static dev.bridle.internal.consent.ConsentEvent.ALL_ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.consent.ConsentScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final Instant YEAR = T0.plus(Duration.ofDays(365));

    private final Events events = new Events();

    private static Coverage.Kind kind(List<ConsentEvent> history, ConsentScope scope, String account, Instant at) {
        return ConsentState.of(Events.USER, history)
                .coverage(scope, account, at, null)
                .kind();
    }

    @Test
    void nothingOnRecordIsNone() {
        assertThat(kind(List.of(), REPLY, "acme_help", T0)).isEqualTo(Coverage.Kind.NONE);
    }

    @Test
    void aGrantCoversItsScopesOnEveryAccount() {
        List<ConsentEvent> history = List.of(events.given(T0, YEAR, ALL_ACCOUNTS, REPLY, DM));

        assertThat(kind(history, REPLY, "acme_help", T0)).isEqualTo(Coverage.Kind.COVERED);
        assertThat(kind(history, DM, "acme_news", T0)).isEqualTo(Coverage.Kind.COVERED);
        assertThat(kind(history, FOLLOW, "acme_news", T0)).isEqualTo(Coverage.Kind.OTHER_SCOPES);
    }

    @Test
    void aGrantForOneAccountCoversOnlyThatAccount() {
        List<ConsentEvent> history = List.of(events.given(T0, YEAR, "acme_help", MENTION));

        assertThat(kind(history, MENTION, "ACME_HELP", T0)).isEqualTo(Coverage.Kind.COVERED);
        assertThat(kind(history, MENTION, "acme_news", T0)).isEqualTo(Coverage.Kind.NONE);
    }

    @Test
    void aGrantIsValidUpToButNotIncludingItsExpiry() {
        List<ConsentEvent> history = List.of(events.given(T0, YEAR, ALL_ACCOUNTS, REPLY));

        assertThat(kind(history, REPLY, "acme_help", YEAR.minusNanos(1000))).isEqualTo(Coverage.Kind.COVERED);
        assertThat(kind(history, REPLY, "acme_help", YEAR)).isEqualTo(Coverage.Kind.EXPIRED);
    }

    @Test
    void anOlderLiveGrantStillCoversWhenANewerOneLapsed() {
        List<ConsentEvent> history = List.of(
                events.given(T0, YEAR, ALL_ACCOUNTS, REPLY),
                events.given(T0.plusSeconds(10), T0.plusSeconds(20), ALL_ACCOUNTS, REPLY));

        assertThat(kind(history, REPLY, "acme_help", T0.plusSeconds(30))).isEqualTo(Coverage.Kind.COVERED);
    }

    @Test
    void aWithdrawalEndsEveryEarlierGrantOfItsScopesAndOnlyALaterGrantGivesThemBack() {
        ConsentEvent first = events.given(T0, YEAR, ALL_ACCOUNTS, REPLY, DM);
        ConsentEvent withdrawal = events.withdrawn(T0.plusSeconds(1), ALL_ACCOUNTS, DM);
        List<ConsentEvent> history = List.of(first, withdrawal);

        assertThat(kind(history, DM, "acme_help", T0.plusSeconds(2))).isEqualTo(Coverage.Kind.WITHDRAWN);
        assertThat(kind(history, REPLY, "acme_help", T0.plusSeconds(2))).isEqualTo(Coverage.Kind.COVERED);
        assertThat(kind(
                        List.of(first, withdrawal, events.given(T0.plusSeconds(3), YEAR, ALL_ACCOUNTS, DM)),
                        DM,
                        "acme_help",
                        T0.plusSeconds(4)))
                .isEqualTo(Coverage.Kind.COVERED);
    }

    @Test
    void aWithdrawalFromOneAccountLeavesTheOthers() {
        List<ConsentEvent> history = List.of(
                events.given(T0, YEAR, ALL_ACCOUNTS, REPLY), events.withdrawn(T0.plusSeconds(1), "acme_help", REPLY));

        assertThat(kind(history, REPLY, "acme_help", T0.plusSeconds(2))).isEqualTo(Coverage.Kind.WITHDRAWN);
        assertThat(kind(history, REPLY, "acme_news", T0.plusSeconds(2))).isEqualTo(Coverage.Kind.COVERED);
    }

    @Test
    void anInvalidationEndsConsentLikeAWithdrawal() {
        List<ConsentEvent> history = List.of(
                events.given(T0, YEAR, ALL_ACCOUNTS, REPLY),
                events.invalidated(T0.plusSeconds(1), ALL_ACCOUNTS, REPLY));

        assertThat(kind(history, REPLY, "acme_help", T0.plusSeconds(2))).isEqualTo(Coverage.Kind.WITHDRAWN);
    }

    @Test
    void aLapsedGrantAfterAWithdrawalIsExpiredNotWithdrawn() {
        List<ConsentEvent> history = List.of(
                events.withdrawn(T0, ALL_ACCOUNTS, REPLY),
                events.given(T0.plusSeconds(1), T0.plusSeconds(2), ALL_ACCOUNTS, REPLY));

        assertThat(kind(history, REPLY, "acme_help", T0.plusSeconds(3))).isEqualTo(Coverage.Kind.EXPIRED);
    }

    @Test
    void aSingleUseGrantCoversOnlyAReplyToItsMentionAndOnlyUntilUsed() {
        ConsentEvent grant = events.interaction(T0, T0.plus(Duration.ofDays(1)), "acme_help", "1500");
        ConsentState state = ConsentState.of(Events.USER, List.of(grant));

        assertThat(state.coverage(REPLY, "acme_help", T0, "1500").kind()).isEqualTo(Coverage.Kind.COVERED);
        assertThat(state.coverage(REPLY, "acme_help", T0, "1501").kind()).isEqualTo(Coverage.Kind.NONE);
        assertThat(state.coverage(REPLY, "acme_help", T0, null).kind()).isEqualTo(Coverage.Kind.NONE);
        assertThat(state.coverage(DM, "acme_help", T0, null).kind())
                .as("a single-use grant is no consent to other scopes")
                .isEqualTo(Coverage.Kind.NONE);

        ConsentState used = ConsentState.of(Events.USER, List.of(grant, events.used(T0.plusSeconds(1), grant)));
        assertThat(used.coverage(REPLY, "acme_help", T0.plusSeconds(2), "1500").kind())
                .isEqualTo(Coverage.Kind.NONE);
    }

    @Test
    void eventsAreReadInSeqOrderWhateverOrderTheyCome() {
        ConsentEvent given = events.given(T0, YEAR, ALL_ACCOUNTS, REPLY);
        ConsentEvent withdrawn = events.withdrawn(T0, ALL_ACCOUNTS, REPLY);

        assertThat(kind(List.of(withdrawn, given), REPLY, "acme_help", T0)).isEqualTo(Coverage.Kind.WITHDRAWN);
    }

    @Test
    void anotherUsersEventIsRefused() {
        ConsentEvent e = events.given(T0, YEAR, ALL_ACCOUNTS, REPLY);

        assertThatThrownBy(() -> ConsentState.of("2002", List.of(e))).hasMessageContaining("about user 2001");
    }

    @Test
    void coveredScopesListsWhatIsLiveOnAnAccount() {
        ConsentState state = ConsentState.of(
                Events.USER,
                List.of(
                        events.given(T0, YEAR, ALL_ACCOUNTS, REPLY, MENTION),
                        events.given(T0, YEAR, "acme_news", FOLLOW),
                        events.withdrawn(T0, ALL_ACCOUNTS, MENTION)));

        assertThat(state.coveredScopes("acme_news", T0)).containsExactly(REPLY, FOLLOW);
        assertThat(state.coveredScopes("acme_help", T0)).containsExactly(REPLY);
    }
}
