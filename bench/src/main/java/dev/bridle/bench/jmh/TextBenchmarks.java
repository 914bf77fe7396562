package dev.bridle.bench.jmh;

import com.twitter.twittertext.TwitterTextParser;
import dev.bridle.bench.SyntheticPosts;
import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.dedupe.Fingerprint;
import dev.bridle.internal.guard.ContentValidityGuard;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micro-benchmarks of the per-post text work in the chain: the duplicate guard's fingerprint (normalise, weigh, hash)
 * and the content guard, beside twitter-text's parse that the content guard now skips for ordinary posts. Run by
 * {@link JmhReport}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextBenchmarks {

    private static final int TEXTS = 1_024;

    private String[] texts;
    private ActionRequest[] posts;
    private final ContentValidityGuard guard = new ContentValidityGuard();
    private int next;

    @Setup
    public void setUp() {
        SyntheticPosts synthetic = new SyntheticPosts(31, 0.3);
        texts = new String[TEXTS];
        posts = new ActionRequest[TEXTS];
        Account account = new Account("bench_a", "1");
        for (int i = 0; i < TEXTS; i++) {
            texts[i] = synthetic.next();
            posts[i] = new ActionRequest(
                    UUID.randomUUID(),
                    "bench",
                    account,
                    ActionKind.POST,
                    texts[i],
                    List.of(),
                    null,
                    null,
                    Instant.EPOCH);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (TEXTS - 1);
        return next;
    }

    /** What the duplicate guard computes for every post: normalised words, weights, MinHash. */
    @Benchmark
    public Fingerprint fingerprint() {
        return Fingerprint.of(texts[nextIndex()]);
    }

    /** The content guard on a post (the quick path for most synthetic posts). */
    @Benchmark
    public Verdict contentGuard() {
        return guard.check(posts[nextIndex()]);
    }

    /** twitter-text's parse of the same posts: what the content guard did for every post before. */
    @Benchmark
    public int twitterTextParse() {
        return TwitterTextParser.parseTweet(texts[nextIndex()]).weightedLength;
    }
}
