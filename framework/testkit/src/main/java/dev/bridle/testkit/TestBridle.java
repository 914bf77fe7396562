package dev.bridle.testkit;

import dev.bridle.Bridle;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ReasonCode;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.SimulatedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole Bridle for one test, in process, on a sandbox of its own: every guard on, the real ledger in an H2 file,
 * twitter4j over loopback HTTP with real signatures. Time stands still until the test moves it: {@link #advance} moves
 * the clock and runs, on the test's thread, what is then due (schedules, the audience's messages, deferred actions), so
 * a test reads as a story: someone consents, mentions the account, a minute passes, the bot answered.
 */
public final class TestBridle implements AutoCloseable {

    /** When every test starts: Monday 5 January 2026, 09:00 UTC. */
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** How many ledger rows {@link #outcomes()} reads at most. */
    static final int MAX_ROWS = 100_000;

    private static final Set<LedgerEvent> OUTCOMES = Set.of(
            LedgerEvent.SENT, LedgerEvent.DENIED, LedgerEvent.DEFERRED, LedgerEvent.FAILED, LedgerEvent.IN_DOUBT);

    private final Bridle bridle;
    private final Sandbox sandbox;
    private final MutableClock clock;

    TestBridle(Bridle bridle, Sandbox sandbox, MutableClock clock) {
        this.bridle = bridle;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** The clock every part reads, Bridle and the sandbox alike. */
    public MutableClock clock() {
        return clock;
    }

    /**
     * Runs what is due now, on this thread: bots whose schedule has come (an interval fires at start, then every
     * interval), one poll of the accounts' mentions and messages, deferred actions whose time has come.
     *
     * @return how many bot runs and deferred actions ran
     */
    public int runDue() {
        return bridle.runDue();
    }

    /** Moves the clock on by {@code by}, then {@linkplain #runDue() runs what is due}. */
    public int advance(Duration by) {
        clock.advance(by);
        return runDue();
    }

    /** Runs {@code bot}'s {@code onSchedule} now, whatever its schedule; whether it completed without throwing. */
    public boolean runNow(String bot) {
        return bridle.runNow(bot);
    }

    /** Someone in the audience (declared with {@link BridleExtension#audience}). */
    public AudienceMember user(String handle) {
        sandbox.userId(handle); // fails at once, naming the handle, for someone not in the audience
        return new AudienceMember(sandbox, handle);
    }

    /** What became of every action so far, oldest first: one entry per send, denial, deferral, failure or doubt. */
    public List<Outcome> outcomes() {
        Map<String, String> handles = handlesById();
        Map<String, String> texts = sentTexts();
        return bridle.ledger().tail(MAX_ROWS).stream()
                .map(LedgerEntry::record)
                .filter(r -> OUTCOMES.contains(r.event()))
                .map(r -> outcome(r, handles, texts))
                .toList();
    }

    /** The sandbox the bots act on, for what the test kit does not say itself. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The Bridle under test. */
    public Bridle bridle() {
        return bridle;
    }

    private static Outcome outcome(LedgerRecord r, Map<String, String> handles, Map<String, String> texts) {
        return new Outcome(
                r.at(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.event(),
                reason(r.reason()),
                r.message(),
                r.targets().stream().map(id -> handles.getOrDefault(id, id)).toList(),
                r.platformId() == null ? null : texts.get(r.platformId()));
    }

    private static ReasonCode reason(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ReasonCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a reason this version of the SDK does not name; the message still says it
        }
    }

    private Map<String, String> handlesById() {
        Map<String, String> handles = new HashMap<>();
        for (SimulatedUser u : sandbox.simulatedUsers()) {
            handles.put(u.userId(), u.handle());
        }
        for (SandboxAccount a : sandbox.accounts()) {
            handles.put(a.userId(), a.handle());
        }
        return handles;
    }

    private Map<String, String> sentTexts() {
        Map<String, String> texts = new HashMap<>();
        for (SandboxPost p : sandbox.posts()) {
            texts.put(p.id(), p.text());
        }
        for (SandboxDm d : sandbox.dms()) {
            texts.put(d.id(), d.text());
        }
        return texts;
    }

    /** Stops Bridle and then the sandbox. */
    @Override
    public void close() {
        try {
            bridle.close();
        } finally {
            sandbox.close();
        }
    }
}
