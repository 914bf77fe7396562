#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs harnesses with plain java, outside Maven's
# lifecycle: nothing here runs in `mvn verify`.
#
#   bench/run.sh all             every figure of bench/RESULTS.md, one harness after another, as one
#                                Markdown report (about half an hour on 2 cores); also written to
#                                bench/target/report.md
#   bench/run.sh all --quick     the same harnesses, small and short (about 6 minutes): for checking
#
#   bench/run.sh CLASS [ARGS]    one harness, e.g.
#     bench/run.sh dev.bridle.bench.e2e.GuardOverheadBench [--quick] [--latency-ms 50]   # point 2
#     bench/run.sh dev.bridle.bench.chain.GuardChainBench [--quick]                      # point 3
#     bench/run.sh dev.bridle.bench.e2e.ThroughputBench [--quick] [--accounts 1000]      # point 4
#     bench/run.sh dev.bridle.bench.schedule.SchedulerBench [--quick] [--bots 10000]     # point 5
#     bench/run.sh dev.bridle.bench.optout.OptOutLatencyBench [--quick]                  # point 6
#     bench/run.sh dev.bridle.bench.throttle.ThrottleBench [--quick]                     # issue 6
#     bench/run.sh dev.bridle.bench.jmh.JmhReport [--quick]                              # JMH
#     bench/run.sh dev.bridle.bench.DuplicateBench                                       # issue 5
#     bench/run.sh dev.bridle.bench.SimhashComparison bench/corpus/duplicates.tsv
#     bench/run.sh dev.bridle.bench.corpus.CorpusGenerator bench/corpus/duplicates.tsv
#     bench/run.sh dev.bridle.bench.sensitive.ClassifierCorpusBench [--misses]           # issue 13
#
# BENCH_JAVA_OPTS overrides the heap (default -Xmx6g). Figures go to standard output, logs
# (warnings only) to standard error.
set -eo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl bench -am package -DskipTests >&2
CP="$(cat bench/target/classpath.txt):bench/target/classes"
# nodelay: the sandbox's JDK HTTP server otherwise waits ~40 ms on delayed ACKs (see BenchWorld)
OPTS="${BENCH_JAVA_OPTS:--Xmx6g} -Dlogback.configurationFile=logback-bench.xml -Dsun.net.httpserver.nodelay=true"

harness() {
    # shellcheck disable=SC2086
    java $OPTS -cp "$CP" "$@"
}

# in the full report, a harness that fails (or outlasts 40 minutes) is named and the others still run
section() {
    local rc=0
    # shellcheck disable=SC2086
    timeout 2400 java $OPTS -cp "$CP" "$@" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo
        echo "**$1 failed (exit $rc): its figures are missing; its messages are on standard error.**"
        echo
    fi
}

if [ "$1" != all ]; then
    harness "$@"
    exit
fi

shift
QUICK=""
if [ "$1" = "--quick" ]; then
    QUICK="--quick"
fi
mkdir -p bench/target
started=$(date +%s)
{
    echo "# Bridle benchmark report"
    echo
    echo "- command: \`bench/run.sh all${QUICK:+ $QUICK}\`"
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB RAM", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    section dev.bridle.bench.throttle.ThrottleBench $QUICK
    section dev.bridle.bench.jmh.JmhReport $QUICK
    section dev.bridle.bench.e2e.GuardOverheadBench $QUICK
    section dev.bridle.bench.chain.GuardChainBench $QUICK
    section dev.bridle.bench.e2e.ThroughputBench $QUICK
    section dev.bridle.bench.optout.OptOutLatencyBench $QUICK
    section dev.bridle.bench.schedule.SchedulerBench $QUICK
    if [ -n "$QUICK" ]; then
        section dev.bridle.bench.DuplicateBench --sizes 100000 --queries 1000 --brute 50
    else
        section dev.bridle.bench.DuplicateBench
    fi
    section dev.bridle.bench.sensitive.ClassifierCorpusBench
    echo "---"
    echo
    echo "Finished in $(( ($(date +%s) - started) / 60 )) min; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee bench/target/report.md
