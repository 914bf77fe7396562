package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.bot.Aggregates;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.BotState;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Identities;
import dev.bridle.bot.People;
import dev.bridle.bot.Reads;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context one configured bot runs with. */
record RuntimeBotContext(
        String botName,
        Account account,
        Clock clock,
        Logger log,
        BotState state,
        GuardedActions actions,
        People people,
        Identities identities,
        Aggregates aggregates,
        Reads reads)
        implements BotContext {

    static RuntimeBotContext of(
            String botName,
            Account account,
            Clock clock,
            BotState state,
            GuardedActions actions,
            People people,
            Identities identities,
            Aggregates aggregates,
            Reads reads) {
        return new RuntimeBotContext(
                botName,
                account,
                clock,
                LoggerFactory.getLogger("bot." + botName),
                state,
                actions,
                people,
                identities,
                aggregates,
                reads);
    }
}
