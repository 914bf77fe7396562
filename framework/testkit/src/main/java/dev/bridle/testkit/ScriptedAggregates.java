package dev.bridle.testkit;

import dev.bridle.bot.Aggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Aggregates} in memory for {@link ScriptedBotContext}: counts and observations, to assert on. The rule on
 * labels (no person, handle or id in them, at most {@value Aggregates#MAX_SERIES} combinations) is the runtime's; a
 * test that needs it runs the bot in {@link BridleExtension}.
 */
final class ScriptedAggregates implements Aggregates {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<String, List<Double>> observed = new ConcurrentHashMap<>();

    private static String series(String name, Map<String, String> labels) {
        return name + new TreeMap<>(labels);
    }

    @Override
    public void add(String name, Map<String, String> labels, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows; '" + name + "' was given " + amount);
        }
        counts.merge(series(name, labels), amount, Long::sum);
    }

    @Override
    public synchronized void observe(String name, Map<String, String> labels, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "an observation is a finite number, zero or more; '" + name + "' was given " + value);
        }
        observed.computeIfAbsent(series(name, labels), s -> new ArrayList<>()).add(value);
    }

    @Override
    public long count(String name, Map<String, String> labels) {
        return counts.getOrDefault(series(name, labels), 0L);
    }

    @Override
    public synchronized Distribution distribution(String name, Map<String, String> labels) {
        List<Double> values = observed.getOrDefault(series(name, labels), List.of());
        Map<Double, Long> atOrBelow = new TreeMap<>();
        for (double v : values) {
            double bound = 1.0 / 1024;
            while (bound < v) {
                bound *= 2;
            }
            atOrBelow.merge(bound, 1L, Long::sum);
        }
        long running = 0;
        for (Map.Entry<Double, Long> e : atOrBelow.entrySet()) {
            running += e.getValue();
            e.setValue(running);
        }
        return new Distribution(
                values.size(), values.stream().mapToDouble(Double::doubleValue).sum(), atOrBelow);
    }
}
