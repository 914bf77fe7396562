package dev.bridle.testkit;

import dev.bridle.WatchCheck;
import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.Reads;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.StreamRule;
import dev.bridle.bot.StreamRules;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Reads} for {@link ScriptedBotContext}: the users, posts and mentions the test gave; searches, the timeline and
 * followers come back empty; stream rules are kept in memory. Search queries and stream rules are classified with the
 * shipped watch rules ({@link WatchCheck#defaults()}), so a bot's test sees the same {@code SURVEILLANCE},
 * {@code PROFILING} and {@code SERVICE_MEASUREMENT} refusals the runtime gives; purposes, an operator's own term file
 * and the ledger are the runtime's, and a test that needs them runs the bot in {@link BridleExtension}.
 */
final class ScriptedReads implements Reads {

    private final Map<String, UserRef> users = new ConcurrentHashMap<>();
    private final List<Mention> mentions = new CopyOnWriteArrayList<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final WatchCheck watch = WatchCheck.defaults();
    private final ScriptedStreamRules streamRules = new ScriptedStreamRules();

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
        Optional<ReadResult<PostPage>> refused = screened("search query", query);
        return refused.orElseGet(() -> new ReadResult.Read<>(new PostPage(List.of(), null)));
    }

    @Override
    public StreamRules streamRules() {
        return streamRules;
    }

    /** The refusal the runtime's watch rules would give {@code query}, if any. */
    private <T> Optional<ReadResult<T>> screened(String what, String query) {
        WatchCheck.Verdict verdict;
        try {
            verdict = watch.classify(query);
        } catch (IllegalArgumentException invalid) {
            return Optional.of(new ReadResult.Refused<>(
                    ReasonCode.GUARD_UNAVAILABLE,
                    "WatchRuleStep could not decide (" + invalid.getMessage() + "), so the read is refused"));
        }
        if (!verdict.refused()) {
            return Optional.empty();
        }
        ReasonCode code = ReasonCode.valueOf(verdict.reasonCode());
        return Optional.of(new ReadResult.Refused<>(
                code,
                "the " + what + " is " + verdict.category().replace('_', ' ') + " (matched: "
                        + String.join(", ", verdict.terms()) + "); "
                        + code.rule().summary()));
    }

    /** The app's rules, in memory, ids counting up from 1; each add screened as a search query is. */
    private final class ScriptedStreamRules implements StreamRules {
        private final Map<String, StreamRule> rules = new LinkedHashMap<>();
        private long nextId = 1;

        @Override
        public synchronized ReadResult<StreamRule> add(String value, String tag) {
            Optional<ReadResult<StreamRule>> refused = screened("stream rule", value);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (rules.values().stream().anyMatch(r -> r.value().equals(value))) {
                return new ReadResult.Failed<>("REJECTED: DuplicateRule: the app already has this rule");
            }
            StreamRule rule = new StreamRule(Long.toString(nextId++), value, tag);
            rules.put(rule.id(), rule);
            return new ReadResult.Read<>(rule);
        }

        @Override
        public synchronized ReadResult<List<StreamRule>> list() {
            return new ReadResult.Read<>(List.copyOf(rules.values()));
        }

        @Override
        public synchronized ReadResult<Set<String>> delete(Collection<String> ids) {
            Set<String> deleted = new LinkedHashSet<>();
            ids.forEach(id -> {
                if (rules.remove(id) != null) {
                    deleted.add(id);
                }
            });
            return new ReadResult.Read<>(Set.copyOf(deleted));
        }
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
