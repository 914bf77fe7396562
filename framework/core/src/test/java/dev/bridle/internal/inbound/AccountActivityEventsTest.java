package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bridle.bot.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountActivityEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Account NEWS = new Account("acme_news", "2244994945");
    private static final Map<String, Account> ACCOUNTS = Map.of(NEWS.userId(), NEWS);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    private static List<InboundEvent> read(String json) throws Exception {
        return AccountActivityEvents.read(JSON.readTree(json), ACCOUNTS, CLOCK);
    }

    private static String tweet(String id, String authorId, String text, String extra) {
        return """
                {"created_at":"Mon May 19 14:01:46 +0000 2025","id":%s,"id_str":"%s","text":"%s","truncated":false,
                 "user":{"id_str":"%s","screen_name":"ana"},
                 "entities":{"hashtags":[],"urls":[],"user_mentions":[%s],"symbols":[]}%s}
                """.formatted(
                        id,
                        id,
                        text,
                        authorId,
                        text.contains("@acme_news")
                                ? "{\"screen_name\":\"acme_news\",\"id_str\":\"2244994945\",\"indices\":[0,10]}"
                                : "",
                        extra);
    }

    private static String tweetEvents(String... tweets) {
        return "{\"for_user_id\":\"2244994945\",\"user_has_blocked\":\"false\",\"tweet_create_events\":["
                + String.join(",", tweets) + "]}";
    }

    @Test
    void aMentionOfTheAccountIsAMentionEvent() throws Exception {
        List<InboundEvent> events = read(tweetEvents(tweet("1500", "2001", "@acme_news STOP", "")));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundEvent.MentionEvent.class, e -> {
            assertThat(e.account()).isEqualTo(NEWS);
            assertThat(e.id()).isEqualTo("1500");
            assertThat(e.author().id()).isEqualTo("2001");
            assertThat(e.author().handle()).isEqualTo("ana");
            assertThat(e.text()).isEqualTo("@acme_news STOP");
            assertThat(e.at()).isEqualTo(Instant.parse("2025-05-19T14:01:46Z"));
        });
    }

    @Test
    void aReplyToTheAccountWithoutAMentionCountsAndTheFullTextIsRead() throws Exception {
        String reply = tweet(
                "1501",
                "2001",
                "truncated…",
                ",\"in_reply_to_user_id_str\":\"2244994945\","
                        + "\"extended_tweet\":{\"full_text\":\"please stop messaging me\",\"entities\":{}}");

        assertThat(read(tweetEvents(reply)))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("please stop messaging me"));
    }

    @Test
    void ownPostsRetweetsAndPostsNotAddressedToTheAccountAreSkipped() throws Exception {
        String own = tweet("1502", "2244994945", "@acme_news note to self", "");
        String retweet =
                tweet("1503", "2001", "RT @bob: @acme_news STOP", ",\"retweeted_status\":{\"id_str\":\"1400\"}");
        String elsewhere = tweet("1504", "2001", "stop", "");
        String malformed = "{\"id_str\":\"1505\",\"text\":\"@acme_news hi\"}";

        assertThat(read(tweetEvents(own, retweet, elsewhere, malformed))).isEmpty();
    }

    @Test
    void eventsForAnotherUserAreSkipped() throws Exception {
        assertThat(read(tweetEvents(tweet("1500", "2001", "@acme_news STOP", ""))
                        .replace("2244994945\",\"user_has", "999\",\"user_has")))
                .isEmpty();
    }

    @Test
    void directMessagesSentByTheAccountAndOtherEventTypesAreSkipped() throws Exception {
        String body = """
                {"for_user_id":"2244994945","direct_message_events":[
                  {"type":"message_create","id":"1","created_timestamp":"1516403560557",
                   "message_create":{"target":{"recipient_id":"2001"},"sender_id":"2244994945","message_data":{"text":"our own"}}},
                  {"type":"message_create","id":"2","created_timestamp":"not a number",
                   "message_create":{"target":{"recipient_id":"2244994945"},"sender_id":"2001","message_data":{"text":"stop"}}}],
                 "direct_message_indicate_typing_events":[{"created_timestamp":"1","sender_id":"2001",
                                                           "target":{"recipient_id":"2244994945"}}]}
                """;

        List<InboundEvent> events = read(body);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("2");
            assertThat(e.author().handle()).as("no users block").isNull();
            assertThat(e.at()).as("unreadable time: the clock's").isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void aBodyWithoutEventsHasNone() throws Exception {
        JsonNode revoke = JSON.readTree("{\"user_event\":{\"revoke\":{\"date_time\":\"2018-05-24T09:48:12+00:00\"}}}");

        assertThat(AccountActivityEvents.read(revoke, ACCOUNTS, CLOCK)).isEmpty();
    }
}
