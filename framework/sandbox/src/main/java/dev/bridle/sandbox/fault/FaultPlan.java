package dev.bridle.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which requests the sandbox mistreats, and how: a list of {@link FaultRule}s tried in order (the first that yields a
 * fault wins) and a seed for the fraction rules, so a run is repeatable.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .script("POST /2/tweets", s -> s.times(2, Fault.status(503)).then(Fault.dropAfter()))
 *     .fraction("* /2/*", 0.1, Fault.latency(Duration.ofMillis(300)))
 *     .seed(7)
 *     .build();
 * }</pre>
 *
 * @param rules the rules, tried in order
 * @param seed the seed of the random draws for fraction rules
 */
public record FaultPlan(List<FaultRule> rules, long seed) {

    public FaultPlan {
        rules = List.copyOf(rules);
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FaultPlan}. */
    public static final class Builder {
        private final List<FaultRule> rules = new ArrayList<>();
        private long seed;

        private Builder() {}

        /** The next requests matching {@code selector} get the faults the script lists, in order. */
        public Builder script(String selector, UnaryOperator<Script> script) {
            rules.add(FaultRule.scripted(selector, script.apply(new Script()).faults));
            return this;
        }

        /** A share of the requests matching {@code selector} get {@code fault}. */
        public Builder fraction(String selector, double fraction, Fault fault) {
            rules.add(FaultRule.fraction(selector, fraction, fault));
            return this;
        }

        /** Adds a ready-made rule. */
        public Builder rule(FaultRule rule) {
            rules.add(rule);
            return this;
        }

        /** The seed for fraction rules (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(rules, seed);
        }
    }

    /** A sequence of faults for consecutive matching requests. */
    public static final class Script {
        private final List<Fault> faults = new ArrayList<>();

        private Script() {}

        /** The next {@code n} matching requests get {@code fault}. */
        public Script times(int n, Fault fault) {
            if (n <= 0) {
                throw new IllegalArgumentException("times must be positive, was " + n);
            }
            for (int i = 0; i < n; i++) {
                faults.add(fault);
            }
            return this;
        }

        /** The next matching request gets {@code fault}. */
        public Script then(Fault fault) {
            return times(1, fault);
        }

        /** The next {@code n} matching requests are answered normally. */
        public Script pass(int n) {
            return times(n, Fault.none());
        }
    }
}
