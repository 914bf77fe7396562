package dev.bridle.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.platform.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /2/users/:id/following}: whether the account follows a user now, to reconcile a
 * follow or unfollow (used with either API: the v1.1 list endpoints are not part of Bridle's set).
 */
final class FollowingV2 {

    /** Pages of 1,000 read before giving up: an account following more cannot be told apart. */
    static final int MAX_PAGES = 5;

    private final Urls urls;

    FollowingV2(Urls urls) {
        this.urls = urls;
    }

    /**
     * Whether {@code userId} follows {@code targetId}.
     *
     * @throws PlatformException if the list is longer than what is read, and the target not in it
     */
    boolean follows(Session session, String userId, String targetId) throws PlatformException {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("max_results", "1000");
            if (token != null) {
                query.put("pagination_token", token);
            }
            JsonNode body = session.http().get(Endpoint.V2_FOLLOWING, urls.v2() + "users/" + userId + "/following", query).body();
            for (JsonNode user : body.path("data")) {
                if (targetId.equals(Json.text(user, "id"))) {
                    return true;
                }
            }
            token = Json.text(body.path("meta"), "next_token");
            if (token == null) {
                return false;
            }
        }
        throw new PlatformException(PlatformException.Kind.REJECTED, "@" + session.handle() + " follows more than "
                + MAX_PAGES + ",000 users; whether it follows " + targetId + " cannot be told from the first pages");
    }
}
