package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;
import java.util.Map;

/**
 * {@code GET /2/users/:id/following}: whether the account follows a user now, to reconcile a follow or unfollow (used
 * with either API: the v1.1 list endpoints are not part of Bridle's set).
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
        V2Pages.End end = V2Pages.read(
                session,
                Endpoint.V2_FOLLOWING,
                urls.v2() + "users/" + userId + "/following",
                Map.of("max_results", "1000"),
                MAX_PAGES,
                body -> V2Pages.hasItem(body, targetId));
        return switch (end) {
            case STOPPED -> true; // found
            case LAST_PAGE -> false;
            case PAGE_LIMIT ->
                throw new PlatformException(
                        PlatformException.Kind.REJECTED,
                        "@" + session.handle() + " follows more than " + MAX_PAGES + ",000 users; whether it follows "
                                + targetId + " cannot be told from the first pages");
        };
    }
}
