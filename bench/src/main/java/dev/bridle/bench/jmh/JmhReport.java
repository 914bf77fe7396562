package dev.bridle.bench.jmh;

import dev.bridle.bench.Args;
import dev.bridle.bench.Machine;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of this module (one fork each) and prints their scores as Markdown (JMH's own progress
 * goes to {@code bench/target/jmh.log}). {@code --quick}: fewer and shorter iterations. {@code --include REGEX} picks
 * benchmarks. Run from the repository root.
 */
public final class JmhReport {

    private JmhReport() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        boolean quick = a.quick();
        Options options = new OptionsBuilder()
                .include(a.get("--include", "dev\\.bridle\\.bench\\.jmh\\..*"))
                .forks(1)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 10)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .shouldFailOnError(true)
                .output("bench/target/jmh.log") // JMH's progress; the report gets the table below
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println("## Micro-benchmarks (JMH)");
        System.out.println();
        System.out.println(String.format(
                Locale.ROOT,
                "JMH 1.37, one fork, %s warm-up and %s measured iterations of 1 s, one thread; %s.",
                quick ? 2 : 5,
                quick ? 3 : 10,
                Machine.describe()));
        System.out.println();
        System.out.println("| benchmark | mean time per call | ± (99.9 %) |");
        System.out.println("|---|---:|---:|");
        for (RunResult r : results) {
            var score = r.getPrimaryResult();
            String name = r.getParams().getBenchmark().replace("dev.bridle.bench.jmh.", "");
            System.out.println(String.format(
                    Locale.ROOT,
                    "| `%s` | %.2f %s | %.2f |",
                    name,
                    score.getScore(),
                    score.getScoreUnit().replace("us/op", "µs"),
                    score.getScoreError()));
        }
        System.out.println();
    }
}
