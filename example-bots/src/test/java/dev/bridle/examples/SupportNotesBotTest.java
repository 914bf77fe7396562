package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.testkit.ScriptedBotContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SupportNotesBot keeps how a customer wants to be answered, refuses what must not be kept, and counts by language. */
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
    void keepsAnOrdinaryNoteAndRefusesASensitiveOne() {
        bot.onMention(from("12", "@acme_help #note call me after 6pm"), ctx);
        assertThat(ctx.people().get(ANNA, SupportNotesBot.NOTE)).hasValue("call me after 6pm");

        bot.onMention(from("13", "@acme_help #note I'm diabetic, so no sugar in the gift box"), ctx);
        assertThat(ctx.people().get(ANNA, SupportNotesBot.NOTE)).hasValue("call me after 6pm");
        assertThat(ctx.aggregates().count("mentions", Map.of("language", "unknown")))
                .isEqualTo(2);
    }
}
