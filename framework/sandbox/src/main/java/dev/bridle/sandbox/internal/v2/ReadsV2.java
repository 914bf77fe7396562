package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.json.TwitterDates;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lookups and searches a bot reads people and posts with: {@code GET /2/users/:id}, {@code GET /2/tweets/:id},
 * {@code GET /2/tweets/search/recent} and {@code GET /2/users/:id/followers}.
 *
 * <p>A lookup of something that does not exist, or a post that was deleted, is answered as X answers it: 200 with only
 * an {@code errors} array holding a resource-not-found problem ({@code title} "Not Found Error"), which is how a client
 * learns by rehydration that a post is gone.
 *
 * <p>Search covers the last 7 days by the sandbox clock ({@code start_time} earlier than that is 400, as on X), newest
 * first, {@code max_results} 10–100 (default 10), paged by {@code next_token} (also accepted as
 * {@code pagination_token}); the query language is {@link SearchQuery}'s.
 */
public final class ReadsV2 {
    /** How far back recent search reaches. */
    static final Duration SEARCH_WINDOW = Duration.ofDays(7);

    private final World world;
    private final Clock clock;

    public ReadsV2(World world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/2/users/:id", ApiVersion.V2, this::userById),
                new Route("GET", "/2/tweets", ApiVersion.V2, this::tweetsByIds),
                new Route("GET", "/2/tweets/search/recent", ApiVersion.V2, this::searchRecent),
                new Route("GET", "/2/tweets/:id", ApiVersion.V2, this::tweetById),
                new Route("GET", "/2/users/:id/followers", ApiVersion.V2, this::followers));
    }

    ApiResponse userById(ApiRequest request) {
        String id = request.path("id");
        Optional<UserRecord> user = world.userById(id);
        if (user.isEmpty()) {
            return notFound("user", "id", id, ErrorCode.USER_NOT_FOUND);
        }
        ObjectNode out = Json.object();
        out.set("data", V2Json.user(user.get(), request.list("user.fields")));
        return ApiResponse.ok(out);
    }

    ApiResponse tweetById(ApiRequest request) {
        String id = request.path("id");
        Optional<SandboxPost> post = world.post(id).filter(p -> !p.deleted());
        if (post.isEmpty()) {
            return notFound("tweet", "id", id, ErrorCode.NO_STATUS);
        }
        ObjectNode out = Json.object();
        out.set("data", V2Json.tweet(post.get(), request.list("tweet.fields"), world));
        includeAuthors(request, out, List.of(post.get()));
        return ApiResponse.ok(out);
    }

    /**
     * {@code GET /2/tweets?ids=} (1–100 ids): the posts that exist in {@code data}, one resource-not-found problem per
     * missing or deleted id in {@code errors}, as X answers a partial lookup.
     */
    ApiResponse tweetsByIds(ApiRequest request) {
        String raw = request.param("ids");
        if (raw == null || raw.isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter("ids", raw, "The `ids` query parameter can not be empty");
        }
        List<String> ids = List.of(raw.split(","));
        if (ids.size() > 100) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    "ids", raw, "The `ids` query parameter value [" + raw + "] is not between 1 and 100");
        }
        for (String id : ids) {
            if (!id.matches("[0-9]{1,19}")) {
                throw ErrorCode.INVALID_PARAMETER.badParameter(
                        "ids", raw, "The `ids` query parameter value [" + id + "] does not match ^[0-9]{1,19}$");
            }
        }
        ObjectNode out = Json.object();
        List<SandboxPost> found = new ArrayList<>();
        ArrayNode errors = null;
        for (String id : ids) {
            Optional<SandboxPost> post = world.post(id).filter(p -> !p.deleted());
            if (post.isPresent()) {
                found.add(post.get());
            } else {
                if (errors == null) {
                    errors = Json.object().putArray("errors");
                }
                errors.add(notFoundProblem("tweet", "ids", id, ErrorCode.NO_STATUS));
            }
        }
        if (!found.isEmpty()) {
            ArrayNode data = out.putArray("data");
            found.forEach(p -> data.add(V2Json.tweet(p, request.list("tweet.fields"), world)));
            includeAuthors(request, out, found);
        }
        if (errors != null) {
            out.set("errors", errors);
        }
        return ApiResponse.ok(out);
    }

    ApiResponse searchRecent(ApiRequest request) {
        SearchQuery query = SearchQuery.parse(request.param("query"));
        int max = request.intParam("max_results", 10, 100, 10, ErrorCode.INVALID_PARAMETER);
        Instant now = clock.instant();
        Instant start = time(request, "start_time", now.minus(SEARCH_WINDOW));
        Instant end = time(request, "end_time", now);
        if (start.isBefore(now.minus(SEARCH_WINDOW))) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    "start_time",
                    request.param("start_time"),
                    "Invalid 'start_time':'" + request.param("start_time") + "'. 'start_time' must be on or after "
                            + TwitterDates.v2(now.minus(SEARCH_WINDOW)));
        }
        if (!end.isAfter(start)) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    "end_time", request.param("end_time"), "Invalid 'end_time': 'end_time' must be after 'start_time'");
        }
        List<SandboxPost> newestFirst = new ArrayList<>();
        for (SandboxPost p : world.posts()) {
            if (!p.deleted()
                    && !p.createdAt().isBefore(start)
                    && p.createdAt().isBefore(end.plusNanos(1))
                    && query.matches(candidate(p))) {
                newestFirst.add(p);
            }
        }
        newestFirst.sort(Collections.reverseOrder((a, b) -> World.ID_ORDER.compare(a.id(), b.id())));
        String token =
                request.param("next_token") != null ? request.param("next_token") : request.param("pagination_token");
        Page<SandboxPost> page = Page.of(
                newestFirst, SandboxPost::id, request.idParam("since_id"), request.idParam("until_id"), token, max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode data = out.putArray("data");
            Set<String> fields = request.list("tweet.fields");
            page.items().forEach(p -> data.add(V2Json.tweet(p, fields, world)));
            includeAuthors(request, out, page.items());
        }
        ObjectNode meta = out.putObject("meta");
        if (!page.items().isEmpty()) {
            meta.put("newest_id", page.items().get(0).id());
            meta.put("oldest_id", page.items().get(page.items().size() - 1).id());
        }
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    /** A user's followers, most recent first; {@code max_results} 1–1000 (default 100). */
    ApiResponse followers(ApiRequest request) {
        UserRecord user = V2Paths.user(world, request, "id");
        int max = request.intParam("max_results", 1, 1000, 100, ErrorCode.INVALID_PARAMETER);
        List<UserRecord> followers = world.followersOf(user.id()).stream()
                .map(id -> world.userById(id).orElseThrow())
                .toList();
        Page<UserRecord> page = Page.byOffset(followers, request.param("pagination_token"), max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode data = out.putArray("data");
            page.items().forEach(u -> data.add(V2Json.user(u, request.list("user.fields"))));
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    private SearchQuery.Candidate candidate(SandboxPost p) {
        String author = world.userById(p.authorId()).map(UserRecord::handle).orElse(p.authorHandle());
        String replyTo = p.inReplyToUserId() == null
                ? null
                : world.userById(p.inReplyToUserId()).map(UserRecord::handle).orElse(null);
        return new SearchQuery.Candidate(p, author, replyTo);
    }

    private void includeAuthors(ApiRequest request, ObjectNode out, List<SandboxPost> posts) {
        if (!request.list("expansions").contains("author_id")) {
            return;
        }
        Map<String, UserRecord> authors = new LinkedHashMap<>();
        posts.forEach(p -> world.userById(p.authorId()).ifPresent(u -> authors.put(u.id(), u)));
        ArrayNode users = out.putObject("includes").putArray("users");
        authors.values().forEach(u -> users.add(V2Json.user(u, request.list("user.fields"))));
    }

    private static Instant time(ApiRequest request, String name, Instant otherwise) {
        String v = request.param(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    name, v, "Invalid '" + name + "':'" + v + "'. '" + name + "' must be a valid RFC 3339 date");
        }
    }

    /**
     * X's answer to a lookup of a missing resource: 200 with an {@code errors} array only. As in {@link UsersV2}, the
     * sandbox adds {@code code} and {@code message} to the element so twitter4j can read them.
     */
    private static ApiResponse notFound(String type, String parameter, String value, ErrorCode code) {
        ObjectNode out = Json.object();
        out.putArray("errors").add(notFoundProblem(type, parameter, value, code));
        return ApiResponse.ok(out);
    }

    private static ObjectNode notFoundProblem(String type, String parameter, String value, ErrorCode code) {
        ObjectNode e = Json.object();
        e.put("value", value);
        e.put("detail", "Could not find " + type + " with " + parameter + ": [" + value + "].");
        e.put("title", "Not Found Error");
        e.put("resource_type", type);
        e.put("parameter", parameter);
        e.put("resource_id", value);
        e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
        e.put("code", code.code());
        e.put("message", code.error().message());
        return e;
    }
}
