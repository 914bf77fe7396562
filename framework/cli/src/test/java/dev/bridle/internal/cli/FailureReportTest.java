package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.config.NodeMismatchException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A refusal to start says what, where and what to do in its own words; anything else says it failed. */
class FailureReportTest {

    private final CommandSpec run =
            new CommandLine(new BridleCommand()).getSubcommands().get("run").getCommandSpec();

    @Test
    void aNodeConfiguredUnlikeTheLiveOnesIsRefusedInTheRefusalsOwnLine() {
        NodeMismatchException refused = new NodeMismatchException("node 7f3c on web-2 (heartbeat 3 s ago) runs another"
                + " configuration: bots, throttles differ; stop it or give this node the same configuration");

        String line = FailureReport.line(new IllegalStateException("could not start", refused), run);

        assertThat(line).isEqualTo("bridle run: " + refused.getMessage());
    }

    @Test
    void aLedgerThatDoesNotMatchItsAnchorIsRefusedInTheRefusalsOwnLine() {
        LedgerAnchorException refused = new LedgerAnchorException(
                "the ledger ends at row 40 but its anchor records row 52;" + " run bridle audit verify");

        assertThat(FailureReport.line(refused, run)).isEqualTo("bridle run: " + refused.getMessage());
    }

    @Test
    void anythingElseSaysItFailedAndWhereTheTraceIs() {
        assertThat(FailureReport.line(new IllegalArgumentException("bad"), run))
                .startsWith("bridle run: failed: java.lang.IllegalArgumentException: bad")
                .contains("BRIDLE_LOG_LEVEL=DEBUG");
    }
}
