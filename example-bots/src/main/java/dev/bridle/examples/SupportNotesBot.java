package dev.bridle.examples;

import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.Mention;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers what customers tell the support account about how to answer them, within the rules: when a mention says
 * "#lang de" (or another language tag), the customer's preferred language is kept as a fact learnt from that post; when
 * it says "#note ..." the note is kept too, unless it is something Bridle must not keep (a health condition, a debt, a
 * belief...), which is refused and logged. Answers are counted by language, without identifiers. Needs the
 * {@code customer_support} purpose: with another one, Bridle keeps nothing and says why.
 */
public final class SupportNotesBot implements Bot {

    /** The fact key for the language a customer wants answers in. */
    public static final String LANGUAGE = "preferred-language";
    /** The fact key for a customer's own note to support. */
    public static final String NOTE = "note";

    private static final Pattern LANG = Pattern.compile("#lang\\s+([a-z]{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE_TAG = Pattern.compile("#note\\s+(.{1,200})", Pattern.CASE_INSENSITIVE);

    @Override
    public void onMention(Mention mention, BotContext ctx) {
        Matcher lang = LANG.matcher(mention.text());
        if (lang.find()) {
            remember(ctx, mention, LANGUAGE, lang.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher note = NOTE_TAG.matcher(mention.text());
        if (note.find()) {
            remember(ctx, mention, NOTE, note.group(1).strip());
        }
        String language = ctx.people().get(mention.author(), LANGUAGE).orElse("unknown");
        ctx.aggregates().increment("mentions", Map.of("language", language));
    }

    private static void remember(BotContext ctx, Mention mention, String key, String value) {
        FactResult result = ctx.people().put(mention.author(), key, value, mention.post());
        if (!result.stored()) {
            ctx.log().info("not remembered: {}", result.reason());
        }
    }
}
