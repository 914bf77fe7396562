package dev.bridle.internal.platform.twitter;

import dev.bridle.guard.ActionKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every platform endpoint the adapter calls, with the kinds of action it serves (for rate-limit feedback) and whether
 * it writes (a failed write may be in doubt; a failed read never is).
 */
enum Endpoint {
    V2_CREATE_POST("POST /2/tweets", ActionKind.POST, ActionKind.REPLY),
    V2_USER_POSTS("GET /2/users/:id/tweets"),
    V2_MENTIONS("GET /2/users/:id/mentions"),
    V2_ME("GET /2/users/me"),
    V2_USER_BY_NAME("GET /2/users/by/username/:username"),
    V2_FOLLOW("POST /2/users/:id/following", ActionKind.FOLLOW),
    V2_UNFOLLOW("DELETE /2/users/:source_user_id/following/:target_user_id", ActionKind.UNFOLLOW),
    V2_FOLLOWING("GET /2/users/:id/following"),
    V2_FOLLOWERS("GET /2/users/:id/followers"),
    V2_USER_BY_ID("GET /2/users/:id"),
    V2_POST("GET /2/tweets/:id"),
    V2_POSTS_LOOKUP("GET /2/tweets"),
    V2_SEARCH_RECENT("GET /2/tweets/search/recent"),
    V2_STREAM_RULES("GET /2/tweets/search/stream/rules"),
    V2_CHANGE_STREAM_RULES("POST /2/tweets/search/stream/rules"),
    /** The app-only bearer token the stream-rule endpoints take ({@link AppBearer}). */
    OAUTH2_TOKEN("POST /oauth2/token"),
    V2_LIKE("POST /2/users/:id/likes", ActionKind.LIKE),
    V2_LIKED("GET /2/users/:id/liked_tweets"),
    V2_REPOST("POST /2/users/:id/retweets", ActionKind.REPOST),
    V2_SEND_DM("POST /2/dm_conversations/with/:participant_id/messages", ActionKind.DIRECT_MESSAGE),
    V2_DM_EVENTS("GET /2/dm_events"),
    V1_UPDATE_STATUS("POST /1.1/statuses/update.json", ActionKind.POST, ActionKind.REPLY),
    V1_USER_TIMELINE("GET /1.1/statuses/user_timeline.json"),
    V1_MENTIONS("GET /1.1/statuses/mentions_timeline.json"),
    V1_FOLLOW("POST /1.1/friendships/create.json", ActionKind.FOLLOW),
    V1_UNFOLLOW("POST /1.1/friendships/destroy.json", ActionKind.UNFOLLOW),
    V1_SEND_DM("POST /1.1/direct_messages/events/new.json", ActionKind.DIRECT_MESSAGE),
    V1_USERS_LOOKUP("GET /1.1/users/lookup.json"),
    V1_VERIFY_CREDENTIALS("GET /1.1/account/verify_credentials.json");

    private final String id;
    private final Set<ActionKind> kinds;

    Endpoint(String id, ActionKind... kinds) {
        this.id = id;
        this.kinds = kinds.length == 0 ? EnumSet.noneOf(ActionKind.class) : EnumSet.of(kinds[0], kinds);
    }

    /** {@code "METHOD /template"}, as in messages and the sandbox's request log. */
    String id() {
        return id;
    }

    String method() {
        return id.substring(0, id.indexOf(' '));
    }

    /** The kinds of action this endpoint performs; empty for reads. */
    Set<ActionKind> kinds() {
        return kinds;
    }

    /** Whether a call changes something on the platform. */
    boolean writes() {
        return !method().equals("GET");
    }

    @Override
    public String toString() {
        return id;
    }
}
