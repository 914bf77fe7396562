package dev.bridle.internal.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link AggregateSeries} in memory, for the test kit and tools that count without a store. */
public final class MemoryAggregateSeries implements AggregateSeries {

    /** Per aggregate, per label combination, per bucket: the row. */
    private final Map<String, Map<String, TreeMap<Integer, Step>>> rows = new TreeMap<>();

    @Override
    public synchronized boolean add(String name, String labels, List<Step> steps, long maxCombinations) {
        Map<String, TreeMap<Integer, Step>> combinations = rows.computeIfAbsent(name, n -> new TreeMap<>());
        if (!combinations.containsKey(labels) && combinations.size() >= maxCombinations) {
            return false;
        }
        TreeMap<Integer, Step> buckets = combinations.computeIfAbsent(labels, l -> new TreeMap<>());
        for (Step step : steps) {
            buckets.merge(step.bucket(), step, (a, b) -> new Step(a.bucket(), a.n() + b.n(), a.total() + b.total()));
        }
        return true;
    }

    @Override
    public synchronized List<Step> read(String name, String labels) {
        TreeMap<Integer, Step> buckets = rows.getOrDefault(name, Map.of()).get(labels);
        return buckets == null ? List.of() : new ArrayList<>(buckets.values()); // TOTAL is the lowest key
    }
}
