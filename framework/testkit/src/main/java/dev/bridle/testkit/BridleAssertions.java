package dev.bridle.testkit;

/**
 * Entry point of the test kit's assertions: {@code import static dev.bridle.testkit.BridleAssertions.assertThat;}
 * beside AssertJ's own.
 */
public final class BridleAssertions {

    private BridleAssertions() {}

    /** Assertions on every outcome {@code bridle} has had so far. */
    public static OutcomesAssert assertThat(TestBridle bridle) {
        return new OutcomesAssert(bridle.outcomes());
    }
}
