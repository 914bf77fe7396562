#!/bin/sh
# Builds the bench module (and what it needs) and runs one harness with plain java, outside
# Maven's lifecycle: nothing here runs in `mvn verify`.
#
#   bench/run.sh dev.bridle.bench.DuplicateBench                      # speed and memory, issue 5
#   bench/run.sh dev.bridle.bench.SimhashComparison bench/corpus/duplicates.tsv
#   bench/run.sh dev.bridle.bench.corpus.CorpusGenerator bench/corpus/duplicates.tsv
#
# BENCH_JAVA_OPTS overrides the JVM options (default -Xmx6g).
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests
exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "$(cat bench/target/classpath.txt):bench/target/classes" "$@"
