package dev.bridle.sandbox.audience;

import dev.bridle.sandbox.SimulatedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scripted cast for demos and end-to-end tests, as data: who is there, what each does and when (offsets from the
 * sandbox's start, on the sandbox clock), and how they react to what the bots do. Tune a demo by editing the lists.
 *
 * @param target the account the cast talks to (handle), or {@code null} for the sandbox's first account
 * @param cast the simulated users (added to the sandbox if missing)
 * @param steps timed actions
 * @param reactions reactions to the accounts' actions
 */
public record AudienceScript(String target, List<SimulatedUser> cast, List<Step> steps, List<Reaction> reactions) {

    public AudienceScript {
        cast = List.copyOf(cast);
        steps = List.copyOf(steps);
        reactions = List.copyOf(reactions);
        List<String> names = cast.stream().map(SimulatedUser::handle).toList();
        for (Step s : steps) {
            requireCast(names, s.user());
        }
        for (Reaction r : reactions) {
            requireCast(names, r.user());
        }
    }

    private static void requireCast(List<String> names, String user) {
        if (names.stream().noneMatch(n -> n.equalsIgnoreCase(user))) {
            throw new IllegalArgumentException("@" + user + " acts in the script but is not in its cast " + names);
        }
    }

    /**
     * A timed action.
     *
     * @param at offset from the sandbox's start
     * @param user who acts
     * @param act what they do
     */
    public record Step(Duration at, String user, Act act) {
        public Step {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(act, "act");
        }
    }

    /**
     * A reaction: when an account does {@code trigger} to {@code user}, the user does {@code act} after {@code delay},
     * at most {@code times} times.
     */
    public record Reaction(String user, Trigger trigger, Act act, Duration delay, int times) {
        public Reaction {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(act, "act");
            Objects.requireNonNull(delay, "delay");
            if (times <= 0) {
                throw new IllegalArgumentException("times must be positive, was " + times);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The demo cast, about a minute long, talking to the account by mentions (which bots read every few seconds; direct
     * messages are read once a minute). ana opts in ("START") and then asks a question; ben asks without having opted
     * in, then opts in ("yes"), writes again, and answers "STOP" as soon as a bot replies to him or writes to him;
     * chloe asks for "HELP"; dan opts in and asks to be followed; eve writes a message with "stop" inside an ordinary
     * sentence (which must not count as an opt-out).
     */
    public static AudienceScript demo() {
        return builder()
                .user(SimulatedUser.named("ana"))
                .user(SimulatedUser.named("ben"))
                .user(SimulatedUser.named("chloe"))
                .user(SimulatedUser.named("dan"))
                .user(SimulatedUser.named("eve"))
                .at(Duration.ZERO, "ana", Act.mention("START"))
                .at(Duration.ofSeconds(6), "ana", Act.mention("hi! when is the next release coming out?"))
                .at(Duration.ofSeconds(8), "ana", Act.mention("#lang pt #order A-1234 is this out yet? {latest-post}"))
                .at(Duration.ofSeconds(10), "ben", Act.mention("what's new this week?"))
                .at(Duration.ofSeconds(16), "ben", Act.mention("yes"))
                .at(Duration.ofSeconds(22), "ben", Act.mention("thanks for the release notes"))
                .at(Duration.ofSeconds(28), "chloe", Act.mention("HELP"))
                .at(Duration.ofSeconds(34), "dan", Act.mention("START"))
                .at(Duration.ofSeconds(40), "dan", Act.mention("follow me please"))
                .at(Duration.ofSeconds(46), "eve", Act.mention("I can't stop reading your updates, keep them coming!"))
                .at(Duration.ofSeconds(52), "ben", Act.mention("one more question about the API"))
                .when("ben", Trigger.REPLIED_TO, Act.reply("STOP"), Duration.ofSeconds(3))
                .when("ben", Trigger.DM_RECEIVED, Act.dm("STOP"), Duration.ofSeconds(3))
                .build();
    }

    /** This script aimed at {@code handle} instead. */
    public AudienceScript withTarget(String handle) {
        return new AudienceScript(handle, cast, steps, reactions);
    }

    /** Builds an {@link AudienceScript}. */
    public static final class Builder {
        private String target;
        private final List<SimulatedUser> cast = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<Reaction> reactions = new ArrayList<>();

        private Builder() {}

        /** The account the cast talks to (default: the sandbox's first account). */
        public Builder target(String handle) {
            this.target = handle;
            return this;
        }

        public Builder user(SimulatedUser user) {
            cast.add(user);
            return this;
        }

        /** {@code user} does {@code act} at {@code offset} after the sandbox starts. */
        public Builder at(Duration offset, String user, Act act) {
            steps.add(new Step(offset, user, act));
            return this;
        }

        /** {@code user} does {@code act}, {@code delay} after an account does {@code trigger} to them; once. */
        public Builder when(String user, Trigger trigger, Act act, Duration delay) {
            reactions.add(new Reaction(user, trigger, act, delay, 1));
            return this;
        }

        /** A reaction that can fire up to {@code times} times. */
        public Builder when(String user, Trigger trigger, Act act, Duration delay, int times) {
            reactions.add(new Reaction(user, trigger, act, delay, times));
            return this;
        }

        public AudienceScript build() {
            return new AudienceScript(target, cast, steps, reactions);
        }
    }
}
