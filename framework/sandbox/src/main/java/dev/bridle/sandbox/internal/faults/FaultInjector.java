package dev.bridle.sandbox.internal.faults;

import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import dev.bridle.sandbox.fault.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs a {@link FaultPlan}: keeps each scripted rule's position and the seeded random draws of the fraction rules, and
 * counts what it injected. Replacing the plan starts both afresh.
 */
public final class FaultInjector {
    private FaultPlan plan = FaultPlan.none();
    private int[] positions = new int[0];
    private Random random = new Random(0);
    private final List<String> injected = new ArrayList<>();

    public synchronized void set(FaultPlan newPlan) {
        plan = newPlan;
        positions = new int[newPlan.rules().size()];
        random = new Random(newPlan.seed());
        injected.clear();
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    /** The fault for the next request to {@code method template}: the first rule that yields one wins. */
    public synchronized Fault next(String method, String template) {
        List<FaultRule> rules = plan.rules();
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (!rule.matches(method, template)) {
                continue;
            }
            if (rule.isScripted()) {
                if (positions[i] < rule.script().size()) {
                    Fault fault = rule.script().get(positions[i]++);
                    return record(method, template, fault);
                }
            } else if (random.nextDouble() < rule.fraction()) {
                return record(method, template, rule.fault());
            }
        }
        return Fault.none();
    }

    /** What was injected so far, as {@code "METHOD /template -> Fault"} lines, oldest first. */
    public synchronized List<String> injected() {
        return List.copyOf(injected);
    }

    private Fault record(String method, String template, Fault fault) {
        if (!(fault instanceof Fault.None)) {
            injected.add(method + " " + template + " -> " + fault);
        }
        return fault;
    }
}
