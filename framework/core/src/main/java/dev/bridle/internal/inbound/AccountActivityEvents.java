package dev.bridle.internal.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.internal.text.PlatformText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an Account Activity event body (x-api-v2.md §4 "Payloads") into inbound events for the account named by
 * {@code for_user_id}:
 *
 * <ul>
 *   <li>{@code tweet_create_events}: posts by others that mention the account or reply to it (not retweets: the words
 *       are not the retweeter's);
 *   <li>{@code direct_message_events}: {@code message_create} events sent to the account by someone else (the platform
 *       also delivers the account's own messages).
 * </ul>
 *
 * Other event types, other users' events and malformed entries are skipped.
 */
final class AccountActivityEvents {

    private static final Logger log = LoggerFactory.getLogger(AccountActivityEvents.class);
    /** v1.1 {@code created_at}: {@code Mon May 19 14:01:46 +0000 2025}. */
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private AccountActivityEvents() {}

    /**
     * The events in {@code body} for one of {@code accounts} (by user id).
     *
     * @param clock the time for an event whose own time cannot be read
     */
    static List<InboundEvent> read(JsonNode body, Map<String, Account> accounts, Clock clock) {
        String forUser = body.path("for_user_id").asText("");
        Account account = accounts.get(forUser);
        if (account == null) {
            return List.of();
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode tweet : body.path("tweet_create_events")) {
            try {
                mention(tweet, forUser, account, clock, events);
            } catch (IllegalArgumentException e) {
                log.warn("skipping a malformed tweet_create_event for @{}: {}", account.handle(), e.getMessage());
            }
        }
        for (JsonNode dm : body.path("direct_message_events")) {
            try {
                directMessage(dm, body.path("users"), forUser, account, clock, events);
            } catch (IllegalArgumentException e) {
                log.warn("skipping a malformed direct_message_event for @{}: {}", account.handle(), e.getMessage());
            }
        }
        return events;
    }

    private static void mention(JsonNode tweet, String forUser, Account account, Clock clock, List<InboundEvent> out) {
        JsonNode user = tweet.path("user");
        String authorId = required(user, "id_str");
        if (authorId.equals(forUser) || tweet.has("retweeted_status")) {
            return;
        }
        boolean addressed = forUser.equals(tweet.path("in_reply_to_user_id_str").asText(""));
        for (JsonNode m : tweet.path("entities").path("user_mentions")) {
            addressed |= forUser.equals(m.path("id_str").asText(""));
        }
        for (JsonNode m : tweet.path("extended_tweet").path("entities").path("user_mentions")) {
            addressed |= forUser.equals(m.path("id_str").asText(""));
        }
        if (!addressed) {
            return;
        }
        JsonNode extended = tweet.path("extended_tweet");
        String text = extended.has("full_text")
                ? PlatformText.postAsWritten(extended.path("full_text").asText(""), extended.get("entities"))
                : PlatformText.postAsWritten(tweet.path("text").asText(""), tweet.get("entities"));
        Instant at = createdAt(tweet.path("created_at").asText(""), clock);
        UserRef author = new UserRef(authorId, user.path("screen_name").asText(null));
        out.add(new InboundEvent.MentionEvent(account, new Mention(required(tweet, "id_str"), author, text, at)));
    }

    private static void directMessage(
            JsonNode dm, JsonNode users, String forUser, Account account, Clock clock, List<InboundEvent> out) {
        JsonNode create = dm.path("message_create");
        if (!"message_create".equals(dm.path("type").asText()) || create.isMissingNode()) {
            return;
        }
        String sender = required(create, "sender_id");
        if (sender.equals(forUser)
                || !forUser.equals(create.path("target").path("recipient_id").asText(""))) {
            return;
        }
        JsonNode data = create.path("message_data");
        String text = PlatformText.messageAsWritten(data.path("text").asText(""), data.get("entities"));
        Instant at;
        try {
            at = Instant.ofEpochMilli(
                    Long.parseLong(dm.path("created_timestamp").asText("")));
        } catch (NumberFormatException e) {
            at = clock.instant();
        }
        UserRef author =
                new UserRef(sender, users.path(sender).path("screen_name").asText(null));
        out.add(new InboundEvent.MessageEvent(account, new DirectMessage(required(dm, "id"), author, text, at)));
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static Instant createdAt(String text, Clock clock) {
        try {
            return ZonedDateTime.parse(text, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
