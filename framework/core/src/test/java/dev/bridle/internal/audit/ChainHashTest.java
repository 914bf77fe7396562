package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.text.ContentHash;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final LedgerRecord BASE = LedgerRecords.everyField();

    @Test
    void contentHashIsSha256OfUtf8() {
        // FIPS 180-2 test vector
        assertThat(ContentHash.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentHash.isSha256Hex(ContentHash.sha256Hex("☃"))).isTrue();
        assertThat(ContentHash.isSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isFalse();
    }

    @Test
    void theHashCoversSeqAndPrevHash() {
        String h = ChainHash.of(ChainHash.GENESIS, 1, BASE);

        assertThat(ChainHash.of(ChainHash.GENESIS, 2, BASE)).isNotEqualTo(h);
        assertThat(ChainHash.of("1".repeat(64), 1, BASE)).isNotEqualTo(h);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, BASE)).isEqualTo(h).hasSize(64);
    }

    @Test
    void nullAndEmptyDiffer() {
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, withMessageAndError(null, "x")))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, withMessageAndError("", "x")));
    }

    @Property
    void movingTextBetweenFieldsChangesTheHash(@ForAll String a, @ForAll String b) {
        String together = ChainHash.of(ChainHash.GENESIS, 1, withMessageAndError(a + b, null));
        String apart = ChainHash.of(ChainHash.GENESIS, 1, withMessageAndError(a, b));

        assertThat(apart).isNotEqualTo(together);
    }

    @Property
    void movingTextBetweenTargetsChangesTheHash(@ForAll String a, @ForAll String b) {
        String one = ChainHash.of(ChainHash.GENESIS, 1, withTargets(List.of(a + b)));
        String two = ChainHash.of(ChainHash.GENESIS, 1, withTargets(List.of(a, b)));

        assertThat(two).isNotEqualTo(one);
    }

    private static LedgerRecord withMessageAndError(String message, String error) {
        LedgerRecord r = BASE;
        return new LedgerRecord(
                r.at(),
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.targets(),
                r.contentHash(),
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                message,
                r.platformId(),
                error);
    }

    private static LedgerRecord withTargets(List<String> targets) {
        LedgerRecord r = BASE;
        return new LedgerRecord(
                r.at(),
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                targets,
                r.contentHash(),
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                r.message(),
                r.platformId(),
                r.error());
    }
}
