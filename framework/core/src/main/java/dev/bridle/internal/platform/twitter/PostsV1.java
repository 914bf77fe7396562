package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.platform.PlatformException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v1.1 {@code statuses/update} (form-encoded {@code status}, {@code in_reply_to_status_id}) and
 * {@code statuses/user_timeline} with {@code tweet_mode=extended}, so the full text comes back to compare. No
 * {@code auto_populate_reply_metadata}: it would change the text the platform keeps.
 */
final class PostsV1 implements Posts {

    /** Pages read back when reconciling: 1,000 posts. */
    static final int MAX_PAGES = 5;

    static final int PAGE_SIZE = 200;

    private final Urls urls;

    PostsV1(Urls urls) {
        this.urls = urls;
    }

    @Override
    public String create(Session session, String text, String inReplyTo) throws PlatformException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", text);
        if (inReplyTo != null) {
            form.put("in_reply_to_status_id", inReplyTo);
        }
        Response r = session.http().postForm(Endpoint.V1_UPDATE_STATUS, urls.v1() + "statuses/update.json", form);
        return Json.required(r.body(), "id_str", Endpoint.V1_UPDATE_STATUS);
    }

    @Override
    public Window<SeenPost> recent(Session session, String userId, Instant notBefore) throws PlatformException {
        List<SeenPost> seen = new ArrayList<>();
        String maxId = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("user_id", userId);
            query.put("count", Integer.toString(PAGE_SIZE));
            query.put("tweet_mode", "extended");
            query.put("include_rts", "true");
            query.put("trim_user", "true");
            if (maxId != null) {
                query.put("max_id", maxId);
            }
            JsonNode statuses = session.http()
                    .get(Endpoint.V1_USER_TIMELINE, urls.v1() + "statuses/user_timeline.json", query)
                    .body();
            String oldest = null;
            for (JsonNode status : statuses) {
                SeenPost p = seen(status);
                if (p.createdAt() != null && p.createdAt().isBefore(notBefore)) {
                    return new Window<>(seen, true);
                }
                seen.add(p);
                oldest = p.id();
            }
            if (statuses.size() < PAGE_SIZE || oldest == null) {
                return new Window<>(seen, true);
            }
            maxId = new BigInteger(oldest).subtract(BigInteger.ONE).toString();
        }
        return new Window<>(seen, false);
    }

    static SeenPost seen(JsonNode status) {
        String repostOf = Json.text(status.path("retweeted_status"), "id_str");
        return new SeenPost(
                Json.text(status, "id_str"),
                repostOf != null ? null : Json.v1StatusText(status),
                Json.v1Time(status),
                Json.text(status, "in_reply_to_status_id_str"),
                repostOf);
    }
}
