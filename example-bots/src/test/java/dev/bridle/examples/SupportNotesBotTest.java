package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.UserRef;
import dev.bridle.testkit.ScriptedBotContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SupportNotesBot keeps how a customer wants to be answered and their order, refuses what must not be kept, reads the
 * posts customers ask about, and counts by language and by whose post.
 */
class SupportNotesBotTest {

    private static final UserRef ANNA = new UserRef("2001", "anna");
    private final SupportNotesBot bot = new SupportNotesBot();
    private final ScriptedBotContext ctx = ScriptedBotContext.forBot("support-notes");

    private static Mention from(String id, String text) {
        return new Mention(id, ANNA, text, Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void keepsTheLanguageACustomerAsksFor() {
        bot.onMention(from("11", "@acme_help #lang DE bitte"), ctx);

        assertThat(ctx.people().get(ANNA, SupportNotesBot.LANGUAGE)).hasValue("de");
        assertThat(ctx.aggregates().count("mentions", Map.of("language", "de"))).isEqualTo(1);
    }

    @Test
    void keepsTheOrderNumberACustomerGives() {
        bot.onMention(from("14", "@acme_help where is my parcel? #order a-1234"), ctx);

        assertThat(ctx.people().get(ANNA, SupportNotesBot.ORDER)).hasValue("A-1234");
    }

    @Test
    void readsThePostACustomerAsksAboutAndCountsWhoseItIsWithoutKeepingIt() {
        ctx.knowing(new Post("501", new UserRef("1000000001", "acme"), "v3.2 is out", Instant.EPOCH, null))
                .knowing(new Post("502", new UserRef("3003", "someone"), "acme is down?", Instant.EPOCH, null));

        bot.onMention(from("15", "@acme_help is this true? https://x.com/acme/status/501"), ctx);
        bot.onMention(from("16", "@acme_help and this? https://twitter.com/someone/status/502"), ctx);
        bot.onMention(from("17", "@acme_help this one went away https://x.com/acme/status/503"), ctx);

        assertThat(ctx.aggregates().count(SupportNotesBot.QUESTIONS_ABOUT_POSTS, Map.of("whose", "ours")))
                .isEqualTo(1);
        assertThat(ctx.aggregates().count(SupportNotesBot.QUESTIONS_ABOUT_POSTS, Map.of("whose", "others")))
                .isEqualTo(1);
        assertThat(ctx.aggregates().count(SupportNotesBot.QUESTIONS_ABOUT_POSTS, Map.of("whose", "gone")))
                .isEqualTo(1);
        assertThat(ctx.people().all(ANNA)).isEmpty();
    }

    @Test
    void keepsAnOrdinaryNoteAndRefusesASensitiveOne() {
        bot.onMention(from("12", "@acme_help #note call me after 6pm"), ctx);
        assertThat(ctx.people().get(ANNA, SupportNotesBot.NOTE)).hasValue("call me after 6pm");

        bot.onMention(from("13", "@acme_help #note I'm diabetic, so no sugar in the gift box"), ctx);
        assertThat(ctx.people().get(ANNA, SupportNotesBot.NOTE)).hasValue("call me after 6pm");
        assertThat(ctx.aggregates().count("mentions", Map.of("language", "unknown")))
                .isEqualTo(2);
    }
}
