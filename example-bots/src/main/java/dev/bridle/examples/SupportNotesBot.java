package dev.bridle.examples;

import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.ReadResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers what customers tell the support account, reads the posts they ask about, and counts without identifiers,
 * within the rules:
 *
 * <ul>
 *   <li>"#lang de" keeps the customer's preferred language, and "#order A-1234" their order number, as facts they
 *       provided in that mention (with {@code onConsentEnd: keep-provided}, as the shipped configuration runs it, they
 *       outlive an opt-out, so a refund under way can be finished; anything the bot did not get from the customer is
 *       forgotten);
 *   <li>"#note ..." keeps the note too, unless it is something Bridle must not keep (a health condition, a debt, a
 *       belief...), which is refused and logged;
 *   <li>a link to a post ({@code https://x.com/acme_news/status/123}) is read through {@code ctx.reads()}, to count
 *       questions about the account's own posts apart from others; the post's content is not kept.
 * </ul>
 *
 * Needs the {@code customer_support} purpose: with another one, Bridle keeps and reads nothing and says why.
 */
public final class SupportNotesBot implements Bot {

    /** The fact key for the language a customer wants answers in. */
    public static final String LANGUAGE = "preferred-language";
    /** The fact key for the order a customer asks about. */
    public static final String ORDER = "order";
    /** The fact key for a customer's own note to support. */
    public static final String NOTE = "note";
    /** The counter of mentions, by the customer's language. */
    public static final String MENTIONS = "mentions";
    /** The counter of questions about a post, by whose post it is ({@code ours}, {@code others}, {@code gone}). */
    public static final String QUESTIONS_ABOUT_POSTS = "questions_about_posts";

    private static final Pattern LANG = Pattern.compile("#lang\\s+([a-z]{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_TAG =
            Pattern.compile("#order\\s+([A-Z0-9-]{3,20})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE_TAG = Pattern.compile("#note\\s+(.{1,200})", Pattern.CASE_INSENSITIVE);
    private static final Pattern POST_LINK =
            Pattern.compile("https?://(?:www\\.)?(?:x|twitter)\\.com/\\w{1,15}/status/(\\d{1,19})");

    @Override
    public void onMention(Mention mention, BotContext ctx) {
        Matcher lang = LANG.matcher(mention.text());
        if (lang.find()) {
            remember(ctx, mention, LANGUAGE, lang.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher order = ORDER_TAG.matcher(mention.text());
        if (order.find()) {
            remember(ctx, mention, ORDER, order.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher note = NOTE_TAG.matcher(mention.text());
        if (note.find()) {
            remember(ctx, mention, NOTE, note.group(1).strip());
        }
        Matcher link = POST_LINK.matcher(mention.text());
        if (link.find()) {
            countQuestionAbout(ctx, link.group(1));
        }
        String language = ctx.people().get(mention.author(), LANGUAGE).orElse("unknown");
        ctx.aggregates().increment(MENTIONS, Map.of("language", language));
    }

    private static void remember(BotContext ctx, Mention mention, String key, String value) {
        FactResult result = ctx.people().put(mention.author(), key, value, mention.post());
        if (result.stored()) {
            ctx.log().info("remembered {} of {}, from their mention {}", key, mention.author(), mention.postId());
        } else {
            ctx.log().info("not remembered: {}", result.reason());
        }
    }

    private static void countQuestionAbout(BotContext ctx, String postId) {
        ReadResult<Optional<Post>> read = ctx.reads().post(postId);
        if (!(read instanceof ReadResult.Read<Optional<Post>> post)) {
            ctx.log().info("not read: {}", read);
            return;
        }
        String whose = post.value()
                .map(p -> p.author().handle() != null
                                && p.author()
                                        .handle()
                                        .equalsIgnoreCase(ctx.account().handle())
                        ? "ours"
                        : "others")
                .orElse("gone");
        ctx.aggregates().increment(QUESTIONS_ABOUT_POSTS, Map.of("whose", whose));
        ctx.log().info("counted a question about a post ({})", whose);
    }
}
