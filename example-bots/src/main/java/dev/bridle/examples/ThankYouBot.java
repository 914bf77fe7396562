package dev.bridle.examples;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.Mention;
import jakarta.inject.Inject;

/**
 * A mention responder: thanks people who mention the account, once each. Bridle checks that they agreed to hear from
 * the bot and have not opted out; the bot just reads the result.
 */
public final class ThankYouBot implements Bot {

    private final Greetings greetings;

    @Inject
    public ThankYouBot(Greetings greetings) {
        this.greetings = greetings;
    }

    @Override
    public void onMention(Mention mention, BotContext ctx) {
        ActionResult result = ctx.actions().reply(mention, greetings.thanksFor(mention));
        if (result.sent()) {
            ctx.log().info("thanked {}", mention.author());
        } else {
            ctx.log().info("not thanking {}: {}", mention.author(), result.reason());
        }
    }
}
