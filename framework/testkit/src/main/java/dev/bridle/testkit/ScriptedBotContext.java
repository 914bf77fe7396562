package dev.bridle.testkit;

import dev.bridle.MemoryAggregates;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Aggregates;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.BotState;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Identities;
import dev.bridle.bot.Mention;
import dev.bridle.bot.People;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.Reads;
import dev.bridle.bot.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BotContext} for a bot's unit tests, without Bridle: its actions return the results the test scripts (a
 * denial, a deferral that was queued or not) and are recorded; its state is a map; its clock is fixed unless given. For
 * what only the real guards can say (consent, opt-outs, throttles), use {@link BridleExtension} instead.
 *
 * <pre>{@code
 * ScriptedBotContext ctx = ScriptedBotContext.forBot("notes").answering(a -> new ActionResult.Sent("1"));
 * bot.onSchedule(ctx);
 * assertThat(ctx.asked()).extracting(ScriptedBotContext.Asked::text).containsExactly("Acme 1.0.0 is out: ...");
 * }</pre>
 */
public final class ScriptedBotContext implements BotContext {

    /** One action the bot asked for: its kind ({@code POST}, {@code REPLY}, ...), whom or what it names, its text. */
    public record Asked(String kind, Object target, String text) {}

    private final String botName;
    private final Account account;
    private final Clock clock;
    private final Function<Asked, ActionResult> answers;
    private final List<Asked> asked = new ArrayList<>();
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final ScriptedPeople people = new ScriptedPeople();
    private final ScriptedIdentities identities;
    private final Aggregates aggregates = MemoryAggregates.create();
    private final ScriptedReads reads = new ScriptedReads();

    private ScriptedBotContext(String botName, Account account, Clock clock, Function<Asked, ActionResult> answers) {
        this.botName = botName;
        this.account = account;
        this.clock = clock;
        this.answers = answers;
        this.identities = new ScriptedIdentities(botName, this::clock);
    }

    /** A context for {@code botName} on {@code @acme}, at {@link TestBridle#START}, whose every action is sent. */
    public static ScriptedBotContext forBot(String botName) {
        return new ScriptedBotContext(
                Objects.requireNonNull(botName, "botName"),
                new Account("acme", "1000000001"),
                Clock.fixed(TestBridle.START, ZoneOffset.UTC),
                a -> new ActionResult.Sent("9001"));
    }

    /** The same context answering each action with what {@code answers} says. */
    public ScriptedBotContext answering(Function<Asked, ActionResult> answers) {
        return new ScriptedBotContext(botName, account, clock, Objects.requireNonNull(answers, "answers"))
                .withState(state);
    }

    /** The same context on {@code account}. */
    public ScriptedBotContext on(Account account) {
        return new ScriptedBotContext(botName, Objects.requireNonNull(account, "account"), clock, answers)
                .withState(state);
    }

    /** The same context with its clock stopped at {@code instant}. */
    public ScriptedBotContext at(Instant instant) {
        return new ScriptedBotContext(botName, account, Clock.fixed(instant, ZoneOffset.UTC), answers).withState(state);
    }

    private ScriptedBotContext withState(Map<String, String> from) {
        state.putAll(from);
        return this;
    }

    /** Every action the bot asked for, in order. */
    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** The bot's state as it left it. */
    public Map<String, String> stateNow() {
        return Map.copyOf(state);
    }

    private synchronized ActionResult ask(String kind, Object target, String text) {
        Asked a = new Asked(kind, target, text);
        asked.add(a);
        return Objects.requireNonNull(answers.apply(a), "the script answered nothing for " + a);
    }

    @Override
    public String botName() {
        return botName;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger log() {
        return LoggerFactory.getLogger("bot." + botName);
    }

    @Override
    public BotState state() {
        return new BotState() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(state.get(key));
            }

            @Override
            public void put(String key, String value) {
                state.put(key, value);
            }

            @Override
            public void remove(String key) {
                state.remove(key);
            }
        };
    }

    /** In memory, screened by the shipped sensitive-category terms as the runtime screens facts. */
    @Override
    public People people() {
        return people;
    }

    /**
     * In memory, under the runtime's rules where a unit test can hold them: a consent basis holds for a user given to
     * {@link #consentingToLink}, a provided one for the user's own message that contains the identifier (taken as
     * received on the account), public data with its evidence. Expiry, withdrawal and purposes are not checked here.
     */
    @Override
    public Identities identities() {
        return identities;
    }

    /** From now on {@code user} counts as having given this context's account a live {@code link_identity} consent. */
    public ScriptedBotContext consentingToLink(UserRef user) {
        identities.consenting(Objects.requireNonNull(user, "user"));
        return this;
    }

    /**
     * The users, posts and mentions given with {@link #knowing(UserRef)}, {@link #knowing(Post)} and
     * {@link #mentioned(Mention)}.
     */
    @Override
    public Reads reads() {
        return reads;
    }

    /** This context's reads find {@code user} by its handle. */
    public ScriptedBotContext knowing(UserRef user) {
        reads.user(Objects.requireNonNull(user, "user"));
        return this;
    }

    /** This context's reads find {@code post} by its id. */
    public ScriptedBotContext knowing(Post post) {
        reads.post(Objects.requireNonNull(post, "post"));
        return this;
    }

    /** This context's reads list {@code mention} among the account's mentions. */
    public ScriptedBotContext mentioned(Mention mention) {
        reads.mention(Objects.requireNonNull(mention, "mention"));
        return this;
    }

    /** In memory, under the runtime's rules on names and labels ({@link MemoryAggregates}). */
    @Override
    public Aggregates aggregates() {
        return aggregates;
    }

    @Override
    public GuardedActions actions() {
        return new GuardedActions() {
            @Override
            public ActionResult post(String text) {
                return ask("POST", null, text);
            }

            @Override
            public ActionResult reply(Mention mention, String text) {
                return ask("REPLY", mention, text);
            }

            @Override
            public ActionResult reply(PostRef post, String text) {
                return ask("REPLY", post, text);
            }

            @Override
            public ActionResult directMessage(UserRef recipient, String text) {
                return ask("DIRECT_MESSAGE", recipient, text);
            }

            @Override
            public ActionResult follow(UserRef user) {
                return ask("FOLLOW", user, null);
            }

            @Override
            public ActionResult unfollow(UserRef user) {
                return ask("UNFOLLOW", user, null);
            }

            @Override
            public ActionResult like(PostRef post) {
                return ask("LIKE", post, null);
            }

            @Override
            public ActionResult repost(PostRef post) {
                return ask("REPOST", post, null);
            }
        };
    }
}
