package dev.bridle.sandbox.internal.audience;

import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.audience.Act;
import dev.bridle.sandbox.audience.Audience;
import dev.bridle.sandbox.audience.AudienceScript;
import dev.bridle.sandbox.audience.Trigger;
import dev.bridle.sandbox.internal.world.Inbound;
import dev.bridle.sandbox.internal.world.Mentions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import dev.bridle.sandbox.internal.world.WorldListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an {@link AudienceScript}: timed steps from the start instant, and reactions queued when an account acts on a
 * cast member. Due work is collected under this runner's lock and performed outside it, because performing it may
 * deliver webhooks whose receivers call the sandbox back.
 */
public final class AudienceRunner implements Audience, WorldListener {
    private final AudienceScript script;
    private final Inbound inbound;
    private final World world;
    private final Clock clock;
    private final String defaultTarget;
    private Instant origin;
    private int nextStep;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<AudienceScript.Reaction, Integer> fired = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    private record Pending(Instant due, String user, Act act, String account, String postId, String why) {}

    public AudienceRunner(AudienceScript script, Inbound inbound, World world, Clock clock, String defaultTarget) {
        this.script = script;
        this.inbound = inbound;
        this.world = world;
        this.clock = clock;
        this.defaultTarget = script.target() != null ? script.target() : defaultTarget;
        this.origin = clock.instant();
    }

    /** Starts (or restarts) the script at the current sandbox time. */
    public synchronized void restart() {
        origin = clock.instant();
        nextStep = 0;
        pending.clear();
        fired.clear();
        log.clear();
    }

    @Override
    public AudienceScript script() {
        return script;
    }

    @Override
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public List<String> tick() {
        List<Pending> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            List<AudienceScript.Step> steps = script.steps().stream()
                    .sorted(Comparator.comparing(AudienceScript.Step::at))
                    .toList();
            while (nextStep < steps.size()
                    && !origin.plus(steps.get(nextStep).at()).isAfter(now)) {
                AudienceScript.Step s = steps.get(nextStep++);
                due.add(new Pending(
                        origin.plus(s.at()),
                        s.user(),
                        s.act(),
                        defaultTarget,
                        null,
                        "at +" + s.at().toSeconds() + "s"));
            }
            pending.sort(Comparator.comparing(Pending::due));
            for (var it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (!p.due().isAfter(now)) {
                    due.add(p);
                    it.remove();
                }
            }
        }
        List<String> done = new ArrayList<>();
        for (Pending p : due) {
            String line = perform(p);
            done.add(line);
        }
        synchronized (this) {
            log.addAll(done);
        }
        return done;
    }

    private String perform(Pending p) {
        String account = p.account() == null ? defaultTarget : p.account();
        try {
            if (p.act() instanceof Act.Dm dm) {
                SandboxDm sent = inbound.dm(p.user(), account, dm.text());
                return "@" + p.user() + " DM @" + account + ": " + dm.text() + " (" + p.why() + ", " + sent.id() + ")";
            }
            if (p.act() instanceof Act.Reply reply) {
                String target = p.postId() != null ? p.postId() : latestPostOf(account);
                SandboxPost post = target != null
                        ? inbound.reply(p.user(), target, reply.text())
                        : inbound.mention(p.user(), account, reply.text());
                return "@" + p.user() + " replied: " + post.text() + " (" + p.why() + ", " + post.id() + ")";
            }
            Act.Mention mention = (Act.Mention) p.act();
            SandboxPost post = inbound.mention(p.user(), account, linkingLatestPost(mention.text(), account));
            return "@" + p.user() + " posted: " + post.text() + " (" + p.why() + ", " + post.id() + ")";
        } catch (IllegalArgumentException e) {
            return "@" + p.user() + " could not act (" + p.why() + "): " + e.getMessage();
        }
    }

    /** {@code text} with {@link Act.Mention#LATEST_POST} replaced by a link to {@code account}'s latest post. */
    private String linkingLatestPost(String text, String account) {
        if (!text.contains(Act.Mention.LATEST_POST)) {
            return text;
        }
        String latest = latestPostOf(account);
        return text.replace(
                Act.Mention.LATEST_POST,
                latest == null ? "(no post yet)" : "https://x.com/" + account + "/status/" + latest);
    }

    private String latestPostOf(String handle) {
        return world.userByHandle(handle)
                .flatMap(u ->
                        world.postsBy(u.id()).stream().filter(p -> !p.deleted()).reduce((a, b) -> b))
                .map(SandboxPost::id)
                .orElse(null);
    }

    @Override
    public void onPost(SandboxPost post) {
        UserRecord author = world.userById(post.authorId()).orElse(null);
        if (author == null || !author.isAccount()) {
            return;
        }
        for (String handle : Mentions.in(post.text())) {
            react(handle, Trigger.MENTIONED, author, post.id());
        }
        if (post.inReplyToUserId() != null) {
            world.userById(post.inReplyToUserId()).ifPresent(u -> {
                react(u.handle(), Trigger.REPLIED_TO, author, post.id());
                if (!Mentions.in(post.text()).contains(u.handle().toLowerCase(Locale.ROOT))) {
                    react(u.handle(), Trigger.MENTIONED, author, post.id());
                }
            });
        }
    }

    @Override
    public void onDm(SandboxDm dm) {
        world.userById(dm.senderId())
                .filter(UserRecord::isAccount)
                .ifPresent(sender -> react(dm.recipientHandle(), Trigger.DM_RECEIVED, sender, null));
    }

    @Override
    public void onFollow(SandboxFollow follow) {
        if (follow.follow()) {
            world.userById(follow.sourceId())
                    .filter(UserRecord::isAccount)
                    .ifPresent(source -> react(follow.targetHandle(), Trigger.FOLLOWED, source, null));
        }
    }

    private synchronized void react(String user, Trigger trigger, UserRecord account, String postId) {
        for (AudienceScript.Reaction r : script.reactions()) {
            if (r.user().equalsIgnoreCase(user) && r.trigger() == trigger) {
                int count = fired.getOrDefault(r, 0);
                if (count < r.times()) {
                    fired.put(r, count + 1);
                    pending.add(new Pending(
                            clock.instant().plus(r.delay()),
                            r.user(),
                            r.act(),
                            account.handle(),
                            postId,
                            "reacting to " + trigger + " by @" + account.handle()));
                }
            }
        }
    }
}
