#!/usr/bin/env bash
# Benchmark, not a test: training and inference images/s of each visual encoder with the ke2nt
# head, in one JVM, single process (no Spark), with the project's JVM flags (oneDNN on).
#   jobs/bench-throughput.sh [encoder ...]          e.g. jobs/bench-throughput.sh small-cnn
#   OMP_NUM_THREADS=1 jobs/bench-throughput.sh      one core, as each local[N] task slot has
# Options: BENCH_BATCH (32), BENCH_STEPS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
flags=$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=vlfer.jvm.flags -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
exec java -Xmx6g $flags -Dbench.batch="${BENCH_BATCH:-32}" -Dbench.steps="${BENCH_STEPS:-10}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" vlfer.bench.TrainingThroughputBench "$@"
