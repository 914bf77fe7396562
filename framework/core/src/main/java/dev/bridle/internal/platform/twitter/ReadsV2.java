package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's read endpoints, on v2 whatever API writes use: users by id, a post by id, recent search, the account's
 * own posts, its mentions and its followers, one page at a time; and which posts were deleted, by looking them up again
 * ({@code GET /2/tweets?ids=}, 100 at a time): X answers a deleted post with a resource-not-found problem in
 * {@code errors}, which is what X's own compliance guidance ("rehydrate") relies on.
 *
 * <p>A missing user or post is a 200 with only {@code errors} on v2; that is an empty answer here, not a failure. Every
 * other error is classified by the one seam ({@link SignedHttp}), which also feeds each answer's rate-limit headers to
 * the limits.
 */
final class ReadsV2 {
    static final String NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found";
    /** What a post's author going private or away reads as: X's compliance treats it as a deletion too. */
    static final String NOT_AUTHORIZED = "https://api.twitter.com/2/problems/not-authorized-for-resource";
    /** The most ids one {@code GET /2/tweets} takes. */
    static final int LOOKUP_BATCH = 100;

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final String TWEET_FIELDS = "created_at,author_id,entities,referenced_tweets";

    private final Urls urls;

    ReadsV2(Urls urls) {
        this.urls = urls;
    }

    Optional<UserRef> userById(Session session, String userId) throws PlatformException {
        if (!ID.matcher(userId).matches()) {
            return Optional.empty();
        }
        JsonNode body = session.http()
                .get(Endpoint.V2_USER_BY_ID, urls.v2() + "users/" + userId, Map.of())
                .body();
        JsonNode data = body.path("data");
        String id = Json.text(data, "id");
        if (id == null) {
            requireNotFound(Endpoint.V2_USER_BY_ID, body);
            return Optional.empty();
        }
        return Optional.of(new UserRef(id, Json.text(data, "username")));
    }

    Optional<Post> post(Session session, String postId) throws PlatformException {
        if (!ID.matcher(postId).matches()) {
            return Optional.empty();
        }
        JsonNode body = session.http()
                .get(Endpoint.V2_POST, urls.v2() + "tweets/" + postId, postQuery(Map.of()))
                .body();
        if (body.path("data").isMissingNode()) {
            requireNotFound(Endpoint.V2_POST, body);
            return Optional.empty();
        }
        return Optional.ofNullable(post(body.path("data"), V2Pages.handles(body)));
    }

    PostPage search(Session session, String query, int maxResults, String pageToken) throws PlatformException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("query", query);
        q.put("max_results", Integer.toString(maxResults));
        if (pageToken != null) {
            q.put("next_token", pageToken);
        }
        return postPage(session.http()
                .get(Endpoint.V2_SEARCH_RECENT, urls.v2() + "tweets/search/recent", postQuery(q))
                .body());
    }

    PostPage ownPosts(Session session, String userId, int maxResults, String pageToken) throws PlatformException {
        return postPage(session.http()
                .get(Endpoint.V2_USER_POSTS, urls.v2() + "users/" + userId + "/tweets", paged(maxResults, pageToken))
                .body());
    }

    PostPage mentions(Session session, String userId, int maxResults, String pageToken) throws PlatformException {
        return postPage(session.http()
                .get(Endpoint.V2_MENTIONS, urls.v2() + "users/" + userId + "/mentions", paged(maxResults, pageToken))
                .body());
    }

    UserPage followers(Session session, String userId, int maxResults, String pageToken) throws PlatformException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", Integer.toString(maxResults));
        if (pageToken != null) {
            q.put("pagination_token", pageToken);
        }
        JsonNode body = session.http()
                .get(Endpoint.V2_FOLLOWERS, urls.v2() + "users/" + userId + "/followers", q)
                .body();
        List<UserRef> users = new ArrayList<>();
        for (JsonNode u : body.path("data")) {
            String id = Json.text(u, "id");
            if (id != null) {
                users.add(new UserRef(id, Json.text(u, "username")));
            }
        }
        return new UserPage(users, Json.text(body.path("meta"), "next_token"));
    }

    /**
     * Which of the ids the platform no longer serves. An id the answer neither returns nor explains fails the whole
     * call: it is never guessed to be deleted or kept.
     */
    Set<String> deleted(Session session, Collection<String> postIds) throws PlatformException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(postIds));
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw new PlatformException(PlatformException.Kind.REJECTED, "'" + id + "' is not a post id");
            }
        }
        Set<String> deleted = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
            JsonNode body = session.http()
                    .get(Endpoint.V2_POSTS_LOOKUP, urls.v2() + "tweets", Map.of("ids", String.join(",", batch)))
                    .body();
            Set<String> served = new LinkedHashSet<>();
            body.path("data").forEach(p -> served.add(Json.text(p, "id")));
            Set<String> gone = new LinkedHashSet<>();
            for (JsonNode e : body.path("errors")) {
                String type = Json.text(e, "type");
                String id = Json.text(e, "resource_id") != null ? Json.text(e, "resource_id") : Json.text(e, "value");
                if (id != null && (NOT_FOUND.equals(type) || NOT_AUTHORIZED.equals(type))) {
                    gone.add(id);
                }
            }
            for (String id : batch) {
                if (!served.contains(id) && !gone.contains(id)) {
                    throw new PlatformException(
                            PlatformException.Kind.NOT_APPLIED,
                            Endpoint.V2_POSTS_LOOKUP + " neither returned nor explained post " + id);
                }
            }
            batch.stream().filter(gone::contains).forEach(deleted::add);
        }
        return Set.copyOf(deleted);
    }

    /** A 200 without {@code data} must be a resource-not-found; anything else is not understood. */
    private static void requireNotFound(Endpoint endpoint, JsonNode body) throws PlatformException {
        JsonNode first = body.path("errors").path(0);
        if (!NOT_FOUND.equals(Json.text(first, "type"))) {
            throw new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    endpoint + " answered without data and without a not-found problem: "
                            + (first.isMissingNode() ? "no errors" : Json.text(first, "title")));
        }
    }

    private static Map<String, String> paged(int maxResults, String pageToken) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("max_results", Integer.toString(maxResults));
        if (pageToken != null) {
            q.put("pagination_token", pageToken);
        }
        return postQuery(q);
    }

    private static Map<String, String> postQuery(Map<String, String> base) {
        Map<String, String> q = new LinkedHashMap<>(base);
        q.put("tweet.fields", TWEET_FIELDS);
        q.put("expansions", "author_id");
        q.put("user.fields", "username");
        return q;
    }

    private static PostPage postPage(JsonNode body) {
        Map<String, String> handles = V2Pages.handles(body);
        List<Post> posts = new ArrayList<>();
        for (JsonNode p : body.path("data")) {
            Post post = post(p, handles);
            if (post != null) {
                posts.add(post);
            }
        }
        return new PostPage(posts, Json.text(body.path("meta"), "next_token"));
    }

    /** A post from its v2 object, or null when it lacks what every post has (id, author, text). */
    private static Post post(JsonNode p, Map<String, String> handles) {
        String id = Json.text(p, "id");
        String author = Json.text(p, "author_id");
        String text = Json.v2PostText(p);
        if (id == null || author == null || text == null) {
            return null;
        }
        String inReplyTo = null;
        for (JsonNode ref : p.path("referenced_tweets")) {
            if ("replied_to".equals(Json.text(ref, "type"))) {
                inReplyTo = Json.text(ref, "id");
            }
        }
        Instant at = Json.v2Time(p);
        return new Post(id, new UserRef(author, handles.get(author)), text, at == null ? Instant.EPOCH : at, inReplyTo);
    }
}
