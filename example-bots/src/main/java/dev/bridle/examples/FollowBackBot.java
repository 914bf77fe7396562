package dev.bridle.examples;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.Mention;
import java.util.regex.Pattern;

/**
 * A follow-back bot: follows people who mention the account and ask it to ("follow me", "follow back", "pls follow").
 * It never follows anyone on its own initiative, and Bridle still checks consent, opt-outs and the follow limits.
 */
public final class FollowBackBot implements Bot {

    /** Asking to be followed: "follow me", "follow back", "follow us", "pls follow". */
    static final Pattern ASKS_TO_BE_FOLLOWED =
            Pattern.compile("\\bfollow\\s+(me|back|us)\\b|\\b(please|pls|plz)\\s+follow\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public void onMention(Mention mention, BotContext ctx) {
        if (!ASKS_TO_BE_FOLLOWED.matcher(mention.text()).find()) {
            return;
        }
        ActionResult result = ctx.actions().follow(mention.author());
        ctx.log().info("follow {}: {}", mention.author(), result.reason());
    }
}
