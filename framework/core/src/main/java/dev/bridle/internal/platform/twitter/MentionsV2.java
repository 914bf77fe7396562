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

/**
 * {@code GET /2/users/:id/mentions} with {@code since_id}, {@code tweet.fields=created_at,author_id} and
 * {@code expansions=author_id} (for the authors' handles); pages followed while there are new mentions, up to the
 * platform's 800.
 */
final class MentionsV2 implements Mentions {

    /** 8 pages of 100: the mentions timeline returns at most the 800 most recent. */
    static final int MAX_PAGES = 8;

    private final Urls urls;

    MentionsV2(Urls urls) {
        this.urls = urls;
    }

    @Override
    public List<Mention> since(Session session, String userId, String sinceId) throws PlatformException {
        List<Mention> found = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max_results", "100");
        query.put("tweet.fields", "created_at,author_id,entities");
        query.put("expansions", "author_id");
        query.put("user.fields", "username");
        if (sinceId != null) {
            query.put("since_id", sinceId);
        }
        V2Pages.read(
                session, Endpoint.V2_MENTIONS, urls.v2() + "users/" + userId + "/mentions", query, MAX_PAGES, body -> {
                    Map<String, String> handles = V2Pages.handles(body);
                    for (JsonNode post : body.path("data")) {
                        String author = Json.text(post, "author_id");
                        String text = Json.v2PostText(post);
                        if (author == null || text == null) {
                            continue;
                        }
                        Instant at = Json.v2Time(post);
                        found.add(new Mention(
                                Json.text(post, "id"),
                                new UserRef(author, handles.get(author)),
                                text,
                                at == null ? Instant.EPOCH : at));
                    }
                    return sinceId == null; // without a cursor, the latest page is enough
                });
        Collections.reverse(found);
        return found;
    }
}
