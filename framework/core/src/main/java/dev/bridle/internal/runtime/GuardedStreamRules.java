package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.StreamRule;
import dev.bridle.bot.StreamRules;
import dev.bridle.internal.read.ReadKind;
import dev.bridle.platform.Platform;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One bot's {@link StreamRules}, through its {@link GuardedReads}: an add is planned as {@link ReadKind#STREAM_RULES}
 * (a purpose that searches, and the watch rules on the rule itself) and ledgered with a hash of the rule; a list is
 * planned for the purpose; a delete is not planned (it watches nothing) but is ledgered with a hash of the ids.
 */
final class GuardedStreamRules implements StreamRules {

    private final GuardedReads reads;
    private final Platform platform;
    private final Account account;

    GuardedStreamRules(GuardedReads reads, Platform platform, Account account) {
        this.reads = reads;
        this.platform = platform;
        this.account = account;
    }

    @Override
    public ReadResult<StreamRule> add(String value, String tag) {
        Objects.requireNonNull(value, "value");
        return reads.read(ReadKind.STREAM_RULES, value, () -> platform.addStreamRule(account, value, tag), r -> 1);
    }

    @Override
    public ReadResult<List<StreamRule>> list() {
        return reads.read(ReadKind.STREAM_RULES_LIST, null, () -> platform.streamRules(account), List::size);
    }

    @Override
    public ReadResult<Set<String>> delete(Collection<String> ids) {
        Set<String> sorted = new TreeSet<>(Objects.requireNonNull(ids, "ids"));
        return reads.unplanned(
                ReadKind.STREAM_RULES_DELETE,
                String.join(",", sorted),
                () -> platform.deleteStreamRules(account, sorted),
                Set::size);
    }
}
