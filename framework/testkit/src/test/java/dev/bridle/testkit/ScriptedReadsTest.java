package dev.bridle.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReadResult;
import dev.bridle.bot.Reads;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.StreamRule;
import dev.bridle.bot.StreamRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scripted context's reads screen search queries and stream rules with the shipped watch rules. */
class ScriptedReadsTest {

    private final Reads reads = ScriptedBotContext.forBot("curator").reads();

    @Test
    void aStreamRuleThatWatchesWhatItMayNotIsRefusedAsTheRuntimeRefusesIt() {
        StreamRules rules = reads.streamRules();

        assertThat(rules.add("protest city hall saturday", null))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.SURVEILLANCE));
        assertThat(rules.add("from:anna_k", null))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.PROFILING));
        assertThat(rules.add("lang:de", null))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.SERVICE_MEASUREMENT));
        assertThat(reads.search("protest city hall saturday", 10, null))
                .isInstanceOfSatisfying(
                        ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.SURVEILLANCE));
        assertThat(((ReadResult.Read<List<StreamRule>>) rules.list()).value()).isEmpty();
    }

    @Test
    void anOrdinaryRuleIsKeptListedAndDeletedAndADuplicateFails() {
        StreamRules rules = reads.streamRules();

        StreamRule rule = ((ReadResult.Read<StreamRule>) rules.add("acme release", "releases")).value();
        assertThat(rules.add("acme release", null)).isInstanceOf(ReadResult.Failed.class);
        assertThat(((ReadResult.Read<List<StreamRule>>) rules.list()).value()).containsExactly(rule);
        assertThat(((ReadResult.Read<Set<String>>) rules.delete(List.of(rule.id(), "99"))).value())
                .containsExactly(rule.id());
        assertThat(((ReadResult.Read<List<StreamRule>>) rules.list()).value()).isEmpty();
    }
}
