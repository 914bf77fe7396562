package dev.bridle.testkit;

import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.Reads;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Reads} for {@link ScriptedBotContext}: the users, posts and mentions the test gave; searches, the timeline and
 * followers come back empty. The read plan (purposes, watch rules) is the runtime's; a test that needs it runs the bot
 * in {@link BridleExtension}.
 */
final class ScriptedReads implements Reads {

    private final Map<String, UserRef> users = new ConcurrentHashMap<>();
    private final List<Mention> mentions = new CopyOnWriteArrayList<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();

    void user(UserRef user) {
        users.put(user.handle().toLowerCase(Locale.ROOT), user);
    }

    void post(Post post) {
        posts.put(post.id(), post);
    }

    void mention(Mention mention) {
        mentions.add(mention);
    }

    @Override
    public ReadResult<Optional<UserRef>> user(String handle) {
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        return new ReadResult.Read<>(Optional.ofNullable(users.get(bare.toLowerCase(Locale.ROOT))));
    }

    @Override
    public ReadResult<Optional<Post>> post(String postId) {
        return new ReadResult.Read<>(Optional.ofNullable(posts.get(postId)));
    }

    @Override
    public ReadResult<PostPage> search(String query, int maxResults, String pageToken) {
        return new ReadResult.Read<>(new PostPage(List.of(), null));
    }

    @Override
    public ReadResult<PostPage> ownPosts(int maxResults, String pageToken) {
        return new ReadResult.Read<>(new PostPage(List.of(), null));
    }

    @Override
    public ReadResult<UserPage> followers(int maxResults, String pageToken) {
        return new ReadResult.Read<>(new UserPage(List.of(), null));
    }

    @Override
    public ReadResult<List<Mention>> mentions(String sinceId) {
        return new ReadResult.Read<>(mentions.stream()
                .filter(m -> sinceId == null || Long.parseLong(m.postId()) > Long.parseLong(sinceId))
                .toList());
    }
}
