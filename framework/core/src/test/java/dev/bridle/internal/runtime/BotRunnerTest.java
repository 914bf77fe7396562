package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.Aggregates;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.BotState;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Identities;
import dev.bridle.bot.People;
import dev.bridle.bot.Reads;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BotRunnerTest {

    private final Clock clock = Clock.fixed(Requests.T0, ZoneOffset.UTC);
    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();

    private BotRunner.RunningBot running(String name, Bot bot) {
        BotContext ctx = RuntimeBotContext.of(
                name,
                Requests.ACCOUNT,
                clock,
                mock(BotState.class),
                mock(GuardedActions.class),
                mock(People.class),
                mock(Identities.class),
                mock(Aggregates.class),
                mock(Reads.class));
        return new BotRunner.RunningBot(name, bot, ctx);
    }

    @Test
    void aBotThatThrowsIsRecordedAndOtherBotsCarryOn() {
        AtomicInteger healthyRuns = new AtomicInteger();
        Bot broken = new Bot() {
            @Override
            public void onSchedule(BotContext ctx) {
                throw new IllegalStateException("feed unreachable");
            }
        };
        Bot healthy = new Bot() {
            @Override
            public void onSchedule(BotContext ctx) {
                healthyRuns.incrementAndGet();
            }
        };
        BotRunner runner =
                new BotRunner(List.of(running("broken", broken), running("healthy", healthy)), ledger, clock);

        assertThat(runner.runScheduled("broken")).isFalse();
        assertThat(runner.runScheduled("healthy")).isTrue();

        assertThat(healthyRuns).hasValue(1);
        assertThat(ledger.records()).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(LedgerEvent.BOT_ERROR);
            assertThat(r.bot()).isEqualTo("broken");
            assertThat(r.message()).isEqualTo("onSchedule");
            assertThat(r.error()).isEqualTo("IllegalStateException: feed unreachable");
        });
    }

    @Test
    void anUnknownBotIsAProgrammingError() {
        BotRunner runner = new BotRunner(List.of(), ledger, clock);

        assertThatThrownBy(() -> runner.runScheduled("nobody")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void twoBotsCannotShareAName() {
        Bot bot = new Bot() {};
        assertThatThrownBy(() -> new BotRunner(List.of(running("a", bot), running("a", bot)), ledger, clock))
                .hasMessageContaining("two bots are named 'a'");
    }
}
