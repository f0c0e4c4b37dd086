#!/usr/bin/env bash
# Benchmarks, not tests, with the project's JVM flags (oneDNN on).
#   jobs/bench.sh training [encoder ...]   training and inference images/s of each visual encoder
#                                          with the ke2nt head (default: small-cnn resnet18), one JVM
#   jobs/bench.sh input [encoder ...]      images/s per core of decode + resize + augment for each
#                                          real layout, next to the encoder's training images/s on one core
#   jobs/bench.sh expclip-ceiling [text-encoder ...]
#                                          expclip's zero-shot ceiling on the synthetic faces: its
#                                          targets themselves classified by each prompt family
#   jobs/bench.sh scaling [encoder [side]] one training epoch on Spark local[2] at N = 2,800, 11,200
#                                          and 44,800 synthetic faces (BENCH_SIZES), one JVM each:
#                                          seconds per 1,000 faces and peak resident memory per N
#                                          (heap fixed at 2 GiB and touched up front, so that the
#                                          peak shows what grows outside it; heap after GC shown too)
#   jobs/bench.sh averaging [encoder [side]]
#                                          the same N faces (BENCH_N, 2800), one epoch in one JVM
#                                          without Spark (2 threads, then 1) and on Spark local[2]
#                                          averaging every 5 minibatches (one thread per task), with
#                                          one worker, then two
#   OMP_NUM_THREADS=1 jobs/bench.sh training   one core, as each local[N] task slot has
# Options: BENCH_BATCH (32), BENCH_STEPS (10) for training; BENCH_PASSES (3), BENCH_FACES (40 per class) for input.
# Faces for scaling/averaging are drawn once into target/bench-data (48 px by default).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in
  training) main=vlfer.bench.TrainingThroughputBench ;;
  input) main=vlfer.bench.InputPipelineBench; export OMP_NUM_THREADS=1 ;;
  expclip-ceiling) main=vlfer.bench.ExpclipTargetCeiling ;;
  scaling|averaging) main=vlfer.bench.EpochBench ;;
  *) echo "usage: jobs/bench.sh training|input|expclip-ceiling|scaling|averaging [name ...]" >&2; exit 2 ;;
esac
shift
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
flags=$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=vlfer.jvm.flags -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
export SPARK_LOCAL_IP=127.0.0.1
bench_java() {
  java -Xmx${BENCH_HEAP:-6g} $flags -Dbench.batch="${BENCH_BATCH:-32}" -Dbench.steps="${BENCH_STEPS:-10}" \
    -Dbench.passes="${BENCH_PASSES:-3}" -Dbench.faces="${BENCH_FACES:-40}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"
}
case "$mode" in
  scaling)
    for n in ${BENCH_SIZES:-2800 11200 44800}; do
      OMP_NUM_THREADS=1 BENCH_HEAP=2g bench_java -Xms2g -XX:+AlwaysPreTouch "$main" spark "$n" "$@" \
        2>>target/bench-scaling.log | grep -E '^spark '
    done ;;
  averaging)
    n=${BENCH_N:-2800}
    run() { bench_java ${JOPTS:-} "$main" "$@" 2>>target/bench-averaging.log | grep -E '^(local|spark) '; }
    two=$(OMP_NUM_THREADS=2 run local "$n" "$@")
    one=$(OMP_NUM_THREADS=1 run local "$n" "$@")
    spark1=$(OMP_NUM_THREADS=1 JOPTS=-Dbench.workers=1 run spark "$n" "$@")
    spark2=$(OMP_NUM_THREADS=1 run spark "$n" "$@")
    echo "$two   (no Spark, 2 threads)"; echo "$one   (no Spark, 1 thread)"
    echo "$spark1   (local[2], 1 worker)"; echo "$spark2   (local[2], 2 workers)"
    secs() { echo "$1" | sed -E 's/.* in +([0-9.]+)s .*/\1/'; }
    awk -v two="$(secs "$two")" -v one="$(secs "$one")" -v s1="$(secs "$spark1")" -v s2="$(secs "$spark2")" 'BEGIN {
      printf "Spark local[2], 2 workers / one JVM, 2 threads: %.3f (%+.1f%%)\n", s2 / two, 100 * (s2 / two - 1)
      printf "Spark, 1 worker / one JVM, 1 thread (the rounds alone: broadcast, tasks, reduce): %.3f (%+.1f%%)\n", s1 / one, 100 * (s1 / one - 1)
    }' ;;
  *)
    export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
    bench_java "$main" "$@" ;;
esac
