#!/usr/bin/env bash
# Benchmarks, not tests, in one JVM, single process (no Spark), with the project's JVM flags (oneDNN on).
#   jobs/bench.sh training [encoder ...]   training and inference images/s of each visual encoder
#                                          with the ke2nt head (default: small-cnn resnet18)
#   jobs/bench.sh input [encoder ...]      images/s per core of decode + resize + augment for each
#                                          real layout, next to the encoder's training images/s on one core
#   jobs/bench.sh expclip-ceiling [text-encoder ...]
#                                          expclip's zero-shot ceiling on the synthetic faces: its
#                                          targets themselves classified by each prompt family
#   OMP_NUM_THREADS=1 jobs/bench.sh training   one core, as each local[N] task slot has
# Options: BENCH_BATCH (32), BENCH_STEPS (10) for training; BENCH_PASSES (3), BENCH_FACES (40 per class) for input.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  training) main=vlfer.bench.TrainingThroughputBench ;;
  input) main=vlfer.bench.InputPipelineBench; export OMP_NUM_THREADS=1 ;;
  expclip-ceiling) main=vlfer.bench.ExpclipTargetCeiling ;;
  *) echo "usage: jobs/bench.sh training|input|expclip-ceiling [name ...]" >&2; exit 2 ;;
esac
shift
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
flags=$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=vlfer.jvm.flags -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
exec java -Xmx6g $flags -Dbench.batch="${BENCH_BATCH:-32}" -Dbench.steps="${BENCH_STEPS:-10}" \
  -Dbench.passes="${BENCH_PASSES:-3}" -Dbench.faces="${BENCH_FACES:-40}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
