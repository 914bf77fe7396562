package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.internal.inbound.BotInbox;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls bots' handlers. A handler that throws is logged and recorded in the ledger as a {@code BOT_ERROR}; it never
 * reaches the caller, so one failing bot cannot disturb the scheduler or other bots.
 */
public final class BotRunner implements BotInbox {

    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);

    /** A configured bot, built and ready. */
    public record RunningBot(String name, Bot bot, BotContext context) {}

    @FunctionalInterface
    private interface Handler {
        void run(Bot bot, BotContext context) throws Exception;
    }

    private final Map<String, RunningBot> bots = new LinkedHashMap<>();
    private final AuditLedger ledger;
    private final Clock clock;

    public BotRunner(Collection<RunningBot> bots, AuditLedger ledger, Clock clock) {
        for (RunningBot b : bots) {
            if (this.bots.putIfAbsent(b.name(), b) != null) {
                throw new IllegalArgumentException("two bots are named '" + b.name() + "'");
            }
        }
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The bot named {@code name}, if there is one. */
    public Optional<RunningBot> bot(String name) {
        return Optional.ofNullable(bots.get(name));
    }

    /** Runs the bot's {@code onSchedule}; returns whether it completed without throwing. */
    public boolean runScheduled(String botName) {
        return invoke(botName, "onSchedule", Bot::onSchedule);
    }

    /** Gives {@code mention} to the bot's {@code onMention}; returns whether it completed without throwing. */
    @Override
    public boolean deliver(String botName, Mention mention) {
        return invoke(botName, "onMention " + mention.postId(), (bot, ctx) -> bot.onMention(mention, ctx));
    }

    /** Gives {@code message} to the bot's {@code onDirectMessage}; returns whether it completed without throwing. */
    @Override
    public boolean deliver(String botName, DirectMessage message) {
        return invoke(botName, "onDirectMessage " + message.eventId(), (bot, ctx) -> bot.onDirectMessage(message, ctx));
    }

    private boolean invoke(String botName, String what, Handler handler) {
        RunningBot running = bots.get(botName);
        if (running == null) {
            throw new NoSuchElementException("no bot is named '" + botName + "'");
        }
        try {
            handler.run(running.bot(), running.context());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(running, what, e);
            return false;
        } catch (Exception | LinkageError | AssertionError e) {
            record(running, what, e);
            return false;
        }
    }

    private void record(RunningBot running, String what, Throwable e) {
        log.error("bot {} threw in {}; other bots carry on", running.name(), what, e);
        try {
            ledger.append(LedgerRecords.botError(
                    running.name(), running.context().account().handle(), clock.instant(), what, e));
        } catch (RuntimeException ledgerDown) {
            log.error("could not record the error of bot {} in the ledger", running.name(), ledgerDown);
        }
    }
}
