package dev.bridle.sandbox.internal.world;

import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxLike;
import dev.bridle.sandbox.SandboxPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the sandbox remembers: users, posts, direct messages, follows and likes. Every method locks the
 * world; rule checks ({@link AccountActions}) run under the same lock so check and change are atomic.
 * Listeners are told after the lock is released.
 *
 * <p>Ids are deterministic: users count up from {@value #FIRST_USER_ID}, posts and DM events from
 * {@value #FIRST_EVENT_ID} (19 digits, like real snowflakes), so a test's golden files hold fixed ids.
 */
public final class World {
    static final long FIRST_USER_ID = 1_000_000_001L;
    static final long FIRST_EVENT_ID = 1_800_000_000_000_000_001L;

    private long nextUserId = FIRST_USER_ID;
    private long nextEventId = FIRST_EVENT_ID;
    private final Map<String, UserRecord> usersById = new LinkedHashMap<>();
    private final Map<String, UserRecord> usersByHandle = new HashMap<>();
    private final Map<String, SandboxPost> posts = new LinkedHashMap<>();
    private final List<SandboxDm> dms = new ArrayList<>();
    private final List<SandboxFollow> followLog = new ArrayList<>();
    private final Map<String, LinkedHashSet<String>> following = new HashMap<>();
    private final List<SandboxLike> likes = new ArrayList<>();
    private final List<WorldListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a user; {@code id} null means generate one. */
    public synchronized UserRecord addUser(String handle, String id, String name, Instant createdAt,
                                           boolean acceptsDms, SandboxAccount account) {
        String key = handle.toLowerCase(Locale.ROOT);
        if (usersByHandle.containsKey(key)) {
            throw new IllegalArgumentException("two users with the handle @" + handle);
        }
        String userId = id != null ? id : nextUserId();
        if (usersById.containsKey(userId)) {
            throw new IllegalArgumentException("two users with the id " + userId + " (@" + handle + ")");
        }
        UserRecord user = new UserRecord(userId, handle, name, createdAt, acceptsDms, account);
        usersById.put(userId, user);
        usersByHandle.put(key, user);
        return user;
    }

    /** A fresh user id that no user has yet. */
    public synchronized String nextUserId() {
        while (usersById.containsKey(Long.toString(nextUserId))) {
            nextUserId++;
        }
        return Long.toString(nextUserId++);
    }

    public synchronized String nextEventId() {
        return Long.toString(nextEventId++);
    }

    public synchronized Optional<UserRecord> userById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    public synchronized Optional<UserRecord> userByHandle(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        return Optional.ofNullable(usersByHandle.get(h.toLowerCase(Locale.ROOT)));
    }

    public synchronized List<UserRecord> users() {
        return List.copyOf(usersById.values());
    }

    public synchronized void addPost(SandboxPost post) {
        posts.put(post.id(), post);
    }

    public synchronized void replacePost(SandboxPost post) {
        posts.put(post.id(), post);
    }

    public synchronized Optional<SandboxPost> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /** All posts, oldest first. */
    public synchronized List<SandboxPost> posts() {
        return List.copyOf(posts.values());
    }

    /** A user's posts (deleted ones included), oldest first. */
    public synchronized List<SandboxPost> postsBy(String userId) {
        return posts.values().stream().filter(p -> p.authorId().equals(userId)).toList();
    }

    /**
     * Live posts by others that mention the user by handle or reply to one of their posts, oldest first
     * (reposts excluded).
     */
    public synchronized List<SandboxPost> mentionsOf(UserRecord user) {
        String handle = user.handle().toLowerCase(Locale.ROOT);
        return posts.values().stream()
                .filter(p -> !p.deleted() && !p.isRepost() && !p.authorId().equals(user.id()))
                .filter(p -> user.id().equals(p.inReplyToUserId()) || Mentions.in(p.text()).contains(handle))
                .toList();
    }

    public synchronized void addDm(SandboxDm dm) {
        dms.add(dm);
    }

    /** Direct messages the user sent or received, oldest first. */
    public synchronized List<SandboxDm> dmsOf(String userId) {
        return dms.stream().filter(d -> d.senderId().equals(userId) || d.recipientId().equals(userId)).toList();
    }

    public synchronized List<SandboxDm> dms() {
        return List.copyOf(dms);
    }

    public synchronized boolean isFollowing(String sourceId, String targetId) {
        return following.getOrDefault(sourceId, new LinkedHashSet<>()).contains(targetId);
    }

    /** Records a follow or unfollow and changes the follow graph. */
    public synchronized void recordFollow(SandboxFollow follow) {
        followLog.add(follow);
        LinkedHashSet<String> targets = following.computeIfAbsent(follow.sourceId(), k -> new LinkedHashSet<>());
        if (follow.follow()) {
            targets.add(follow.targetId());
        } else {
            targets.remove(follow.targetId());
        }
    }

    /** Whom the user follows, most recent first. */
    public synchronized List<String> followingOf(String userId) {
        List<String> ids = new ArrayList<>(following.getOrDefault(userId, new LinkedHashSet<>()));
        java.util.Collections.reverse(ids);
        return ids;
    }

    public synchronized int followerCount(String userId) {
        return (int) following.values().stream().filter(s -> s.contains(userId)).count();
    }

    public synchronized List<SandboxFollow> followLog() {
        return List.copyOf(followLog);
    }

    public synchronized boolean hasLiked(String userId, String postId) {
        return likes.stream().anyMatch(l -> l.userId().equals(userId) && l.postId().equals(postId));
    }

    public synchronized void addLike(SandboxLike like) {
        likes.add(like);
    }

    public synchronized List<SandboxLike> likes() {
        return List.copyOf(likes);
    }

    /** Forgets all activity; users and their ids stay, id counters keep counting (ids are never reused). */
    public synchronized void clearActivity() {
        posts.clear();
        dms.clear();
        followLog.clear();
        following.clear();
        likes.clear();
        usersById.values().forEach(u -> u.setFlags(Set.of()));
    }

    public void addListener(WorldListener listener) {
        listeners.add(listener);
    }

    /** Tells the listeners; call it after the lock is released. */
    public void publishPost(SandboxPost post) {
        listeners.forEach(l -> l.onPost(post));
    }

    public void publishDm(SandboxDm dm) {
        listeners.forEach(l -> l.onDm(dm));
    }

    public void publishFollow(SandboxFollow follow) {
        listeners.forEach(l -> l.onFollow(follow));
    }

    /** Numeric order of snowflake-like ids. */
    public static final Comparator<String> ID_ORDER = Comparator.comparingLong(Long::parseLong);
}
