package dev.bridle.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.config.OnThrottle;
import dev.bridle.guard.ActionKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void theDefaultsCoverEveryKindWithAnHourlyAndADailyWindow() {
        ThrottleSettings defaults = ThrottleSettings.defaults();
        for (ActionKind kind : ActionKind.values()) {
            assertThat(defaults.accountLimits().get(kind))
                    .extracting(Limit::per)
                    .containsExactly(HOUR, DAY);
        }
        assertThat(defaults.limitsFor(Actions.ACME, ActionKind.POST))
                .containsExactly(Limit.of(10, HOUR), Limit.of(50, DAY));
        assertThat(defaults.limitsFor(Actions.ACME, ActionKind.FOLLOW))
                .containsExactly(Limit.of(10, HOUR), Limit.of(50, DAY));
        assertThat(defaults.limitsFor(Actions.ACME, ActionKind.DIRECT_MESSAGE))
                .containsExactly(Limit.of(20, HOUR), Limit.of(100, DAY));
        assertThat(defaults.targetContacts()).containsExactly(Limit.of(3, DAY));
        assertThat(defaults.follows())
                .isEqualTo(new FollowRules(2, Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(7)));
        assertThat(defaults.minSpacing()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.coordinationWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.onThrottle()).isEqualTo(OnThrottle.DEFER);
    }

    @Test
    void eventheWorstCaseOfTheDefaultsStaysFarUnderEveryPublishedCeiling() {
        Map<ActionKind, List<Limit>> limits = ThrottleSettings.defaults().accountLimits();
        for (PlatformCeiling ceiling : PlatformCeiling.PUBLISHED) {
            long most = ceiling.kinds().stream()
                    .mapToLong(k -> limits.get(k).stream()
                            .mapToLong(l -> l.mostWithin(ceiling.limit().per()))
                            .min()
                            .orElseThrow())
                    .sum();
            assertThat(most)
                    .as(ceiling.source())
                    .isLessThanOrEqualTo(ceiling.limit().count() / 2);
        }
    }

    @Test
    void limitsThatCouldReachThePlatformsFollowCeilingAreRefusedSayingWhichAndWhy() {
        assertThatThrownBy(() -> ThrottleSettings.defaults().withAccountLimits(ActionKind.FOLLOW, Limit.of(300, DAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throttles.accounts")
                .hasMessageContaining("600 follows per day")
                .hasMessageContaining("300 per day")
                .hasMessageContaining("ceiling of 400");
        // 200 per day could reach 400 within a day (burst plus refill): exactly the ceiling, allowed.
        assertThat(ThrottleSettings.defaults()
                        .withAccountLimits(ActionKind.FOLLOW, Limit.of(200, DAY))
                        .limitsFor(Actions.ACME, ActionKind.FOLLOW))
                .containsExactly(Limit.of(200, DAY));
        assertThatThrownBy(() -> ThrottleSettings.defaults().withAccountLimits(ActionKind.FOLLOW, Limit.of(201, DAY)))
                .hasMessageContaining("402 follows");
    }

    @Test
    void postsRepliesAndRepostsAreCheckedTogetherAgainstTheirSharedCeiling() {
        assertThatThrownBy(() -> ThrottleSettings.defaults()
                        .withAccountLimits(ActionKind.POST, Limit.of(100, Duration.ofHours(3)))
                        .withAccountLimits(ActionKind.REPLY, Limit.of(60, Duration.ofHours(3))))
                .hasMessageContaining("posts, replies and reposts per 3 hours")
                .hasMessageContaining("ceiling of 300");
    }

    @Test
    void anAccountOverrideIsCheckedAgainstTheCeilingsToo() {
        assertThatThrownBy(() -> ThrottleSettings.defaults()
                        .withAccountOverride("acme_news", ActionKind.DIRECT_MESSAGE, Limit.of(400, DAY)))
                .hasMessageContaining("throttles.overrides.acme_news")
                .hasMessageContaining("direct messages");
        ThrottleSettings lower = ThrottleSettings.defaults()
                .withAccountOverride("Acme_News", ActionKind.DIRECT_MESSAGE, Limit.of(5, DAY));
        assertThat(lower.limitsFor(new Account("@acme_NEWS", null), ActionKind.DIRECT_MESSAGE))
                .containsExactly(Limit.of(5, DAY));
        assertThat(lower.limitsFor(Actions.BETA, ActionKind.DIRECT_MESSAGE))
                .isEqualTo(ThrottleSettings.DEFAULT_DIRECT_MESSAGE_LIMITS);
    }

    @Test
    void everyKindNeedsALimitAndEveryWindowMustBePositive() {
        Map<ActionKind, List<Limit>> noLikes = new EnumMap<>(ThrottleSettings.DEFAULT_ACCOUNT_LIMITS);
        noLikes.remove(ActionKind.LIKE);
        ThrottleSettings d = ThrottleSettings.defaults();
        assertThatThrownBy(() -> new ThrottleSettings(
                        noLikes,
                        Map.of(),
                        d.targetContacts(),
                        d.follows(),
                        d.minSpacing(),
                        d.coordinationWindow(),
                        d.onThrottle(),
                        Map.of()))
                .hasMessage("throttles.accounts.like is missing: every kind of action needs a limit");
        assertThatThrownBy(() -> d.withAccountLimits(ActionKind.POST))
                .hasMessageContaining("throttles.accounts.post needs at least one limit");
        assertThatThrownBy(() -> d.withMinSpacing(Duration.ZERO))
                .hasMessageContaining("throttles.minSpacing must be a positive span");
        assertThatThrownBy(() -> d.withCoordinationWindow(Duration.ofMinutes(-1)))
                .hasMessageContaining("throttles.coordinationWindow");
        assertThatThrownBy(() -> d.withTargetContacts()).hasMessageContaining("throttles.targets.contacts");
        assertThatThrownBy(() -> new FollowRules(0, Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(7)))
                .hasMessageContaining("throttles.follows.maxAccountsPerUser");
    }

    @Test
    void eachBotMayChooseToDropInsteadOfDefer() {
        ThrottleSettings settings = ThrottleSettings.defaults().withOnThrottle("thanks", OnThrottle.DROP);
        assertThat(settings.onThrottleFor("thanks")).isEqualTo(OnThrottle.DROP);
        assertThat(settings.onThrottleFor("digest")).isEqualTo(OnThrottle.DEFER);
        assertThat(settings.withOnThrottle(OnThrottle.DROP).onThrottleFor("digest"))
                .isEqualTo(OnThrottle.DROP);
    }

    @Test
    void kindsHaveTheirConfigurationNames() {
        assertThat(ThrottleSettings.configName(ActionKind.DIRECT_MESSAGE)).isEqualTo("directMessage");
        assertThat(ThrottleSettings.kindNamed("directMessage")).isEqualTo(ActionKind.DIRECT_MESSAGE);
        assertThat(ThrottleSettings.kindNamed("REPOST")).isEqualTo(ActionKind.REPOST);
        assertThatThrownBy(() -> ThrottleSettings.kindNamed("retweet"))
                .hasMessage(
                        "'retweet' is not a kind of action; use one of post, reply, directMessage, follow, unfollow, like, repost");
    }
}
