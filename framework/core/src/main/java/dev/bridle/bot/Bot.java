package dev.bridle.bot;

/**
 * What a bot does. Implement the handlers you need; the others do nothing.
 *
 * <p>A bot is an ordinary class built by Guice, so it can take its own services through an {@code @Inject} constructor.
 * Everything it does on the platform goes through {@link BotContext#actions()}, which checks consent, opt-outs,
 * duplicates and throttles and answers with an {@link ActionResult}; a denial is a normal result, not an exception.
 *
 * <p>A handler that throws is logged and recorded in the ledger; other bots carry on and the bot is triggered again at
 * its next firing.
 *
 * <pre>{@code
 * public final class ThankYouBot implements Bot {
 *     @Override public void onMention(Mention mention, BotContext ctx) {
 *         ActionResult r = ctx.actions().reply(mention, "Thanks for the mention!");
 *         if (r.denied()) ctx.log().info("not replying to {}: {}", mention.author(), r.reason());
 *     }
 * }
 * }</pre>
 */
public interface Bot {

    /** Runs when the bot's schedule fires (a cron expression or a fixed interval in config). */
    default void onSchedule(BotContext ctx) throws Exception {}

    /** Runs once for each new post that mentions the bot's account, oldest first. */
    default void onMention(Mention mention, BotContext ctx) throws Exception {}

    /** Runs once for each new direct message to the bot's account, oldest first. */
    default void onDirectMessage(DirectMessage message, BotContext ctx) throws Exception {}
}
