package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** v1.1 {@code statuses/mentions_timeline} with {@code since_id}, {@code count=200}, {@code tweet_mode=extended}. */
final class MentionsV1 implements Mentions {

    private final Urls urls;

    MentionsV1(Urls urls) {
        this.urls = urls;
    }

    @Override
    public List<Mention> since(Session session, String userId, String sinceId) throws PlatformException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("count", "200");
        query.put("tweet_mode", "extended");
        if (sinceId != null) {
            query.put("since_id", sinceId);
        }
        JsonNode statuses = session.http()
                .get(Endpoint.V1_MENTIONS, urls.v1() + "statuses/mentions_timeline.json", query)
                .body();
        List<Mention> found = new ArrayList<>();
        for (JsonNode status : statuses) {
            JsonNode user = status.path("user");
            String author = Json.text(user, "id_str");
            String text = Json.v1StatusText(status);
            if (author == null || text == null) {
                continue;
            }
            Instant at = Json.v1Time(status);
            found.add(new Mention(
                    Json.text(status, "id_str"),
                    new UserRef(author, Json.text(user, "screen_name")),
                    text,
                    at == null ? Instant.EPOCH : at));
        }
        Collections.reverse(found);
        return found;
    }
}
