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
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the sandbox remembers: users, posts, direct messages, follows and likes. Every method locks the world;
 * rule checks ({@link AccountActions}) run under the same lock so check and change are atomic. Listeners are told after
 * the lock is released.
 *
 * <p>Ids are deterministic: users count up from {@value #FIRST_USER_ID}, posts and DM events from
 * {@value #FIRST_EVENT_ID} (19 digits, like real snowflakes), so a test's golden files hold fixed ids. A world may
 * instead start its event ids at a snowflake of its creation time ({@link #World(long)}), so that a new sandbox's ids
 * are above every id an earlier one gave out, as the platform's are.
 *
 * <p>Posts are indexed by author and by whom they address, and messages by participant, so that a long-lived sandbox (a
 * benchmark, a demo left running) answers in time that does not grow with everyone else's activity.
 */
public final class World {
    static final long FIRST_USER_ID = 1_000_000_001L;
    static final long FIRST_EVENT_ID = 1_800_000_000_000_000_001L;

    /**
     * The platform's snowflake epoch (2010-11-04T01:42:54.657Z): an id is milliseconds since it, shifted left 22 bits.
     */
    static final long SNOWFLAKE_EPOCH_MILLIS = 1_288_834_974_657L;

    private long nextUserId = FIRST_USER_ID;
    private long nextEventId;

    /** A world whose event ids start at {@value #FIRST_EVENT_ID}. */
    public World() {
        this.nextEventId = FIRST_EVENT_ID;
    }

    /**
     * A world whose event ids start at the snowflake of {@code createdAtMillis}: later than any id a world created
     * before it gave out, unless that one made over four million a millisecond.
     */
    public World(long createdAtMillis) {
        this.nextEventId = Math.max(FIRST_EVENT_ID, (createdAtMillis - SNOWFLAKE_EPOCH_MILLIS) << 22);
    }

    private final Map<String, UserRecord> usersById = new LinkedHashMap<>();
    private final Map<String, UserRecord> usersByHandle = new HashMap<>();
    private final Map<String, SandboxPost> posts = new LinkedHashMap<>();
    private final Map<String, List<String>> postIdsByAuthor = new HashMap<>();
    /** Post ids by the user they may address: {@code id:USER_ID} for replies, {@code @handle} for mentions. */
    private final Map<String, List<String>> postIdsByAddressee = new HashMap<>();

    private final List<SandboxDm> dms = new ArrayList<>();
    private final Map<String, List<SandboxDm>> dmsByParticipant = new HashMap<>();
    private final List<SandboxFollow> followLog = new ArrayList<>();
    private final Map<String, LinkedHashSet<String>> following = new HashMap<>();
    private final List<SandboxLike> likes = new ArrayList<>();
    private final List<WorldListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a user; {@code id} null means generate one. */
    public synchronized UserRecord addUser(
            String handle, String id, String name, Instant createdAt, boolean acceptsDms, SandboxAccount account) {
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
        if (posts.put(post.id(), post) != null) {
            throw new IllegalStateException("two posts with the id " + post.id());
        }
        postIdsByAuthor.computeIfAbsent(post.authorId(), k -> new ArrayList<>()).add(post.id());
        Set<String> addressees = new LinkedHashSet<>();
        if (post.inReplyToUserId() != null) {
            addressees.add("id:" + post.inReplyToUserId());
        }
        Mentions.in(post.text()).forEach(handle -> addressees.add("@" + handle));
        addressees.forEach(a ->
                postIdsByAddressee.computeIfAbsent(a, k -> new ArrayList<>()).add(post.id()));
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
        return postIdsByAuthor.getOrDefault(userId, List.of()).stream()
                .map(posts::get)
                .toList();
    }

    /**
     * Live posts by others that mention the user by handle or reply to one of their posts, oldest first (reposts
     * excluded).
     */
    public synchronized List<SandboxPost> mentionsOf(UserRecord user) {
        List<String> replies = postIdsByAddressee.getOrDefault("id:" + user.id(), List.of());
        List<String> mentions =
                postIdsByAddressee.getOrDefault("@" + user.handle().toLowerCase(Locale.ROOT), List.of());
        Set<String> ids = new TreeSet<>(ID_ORDER); // ids count up, so this is oldest first
        ids.addAll(replies);
        ids.addAll(mentions);
        return ids.stream()
                .map(posts::get)
                .filter(p -> !p.deleted() && !p.isRepost() && !p.authorId().equals(user.id()))
                .toList();
    }

    public synchronized void addDm(SandboxDm dm) {
        dms.add(dm);
        dmsByParticipant.computeIfAbsent(dm.senderId(), k -> new ArrayList<>()).add(dm);
        if (!dm.recipientId().equals(dm.senderId())) {
            dmsByParticipant
                    .computeIfAbsent(dm.recipientId(), k -> new ArrayList<>())
                    .add(dm);
        }
    }

    /** Direct messages the user sent or received, oldest first. */
    public synchronized List<SandboxDm> dmsOf(String userId) {
        return List.copyOf(dmsByParticipant.getOrDefault(userId, List.of()));
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

    /** Who follows the user, most recent follow first. */
    public synchronized List<String> followersOf(String userId) {
        List<String> ids = new ArrayList<>();
        for (SandboxFollow f : followLog) {
            if (f.targetId().equals(userId)) {
                ids.remove(f.sourceId());
                if (f.follow()) {
                    ids.add(f.sourceId());
                }
            }
        }
        ids.retainAll(following.entrySet().stream()
                .filter(e -> e.getValue().contains(userId))
                .map(Map.Entry::getKey)
                .toList());
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
        return likes.stream()
                .anyMatch(l -> l.userId().equals(userId) && l.postId().equals(postId));
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
        postIdsByAuthor.clear();
        postIdsByAddressee.clear();
        dms.clear();
        dmsByParticipant.clear();
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
