#!/usr/bin/env bash
# Benchmarks, not tests, with the project's JVM flags (oneDNN on).
#   jobs/bench.sh training [encoder ...]   training and inference images/s of each visual encoder
#                                          (name@side for another input side, e.g. swin-t@112)
#                                          with the ke2nt head (default: small-cnn resnet18), one JVM,
#                                          and the page faults per training step
#   jobs/bench.sh training --torch [encoder ...]
#                                          the same side by side with PyTorch (jobs/bench-torch.py, Debian's
#                                          python3-torch; face-api and resnet18), BENCH_ROUNDS (2) rounds
#                                          alternating, and the ratio of the two
#   jobs/bench.sh profile [encoder ...]    where a training step's time goes, per layer type and pass
#                                          (StepProfileBench, JFR; default face-api; BENCH_STEPS 40)
#   jobs/bench.sh input [encoder ...]      images/s per core of decode + resize + augment for each
#                                          real layout, next to the encoder's training images/s on one core
#   jobs/bench.sh expclip-ceiling [text-encoder ...]
#                                          expclip's zero-shot ceiling on the synthetic faces: its
#                                          targets themselves classified by each prompt family
#   jobs/bench.sh cliper                   ms per training step of token-space cliper (35 prompts through
#                                          a CLIP ViT-B/16-sized text transformer) vs the embedding-space
#                                          variant, stage 1 and 2, same image tower (CliperStepBench)
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
# Every JVM (and PyTorch) runs under deploy/native-env.sh's malloc settings; BENCH_GLIBC_DEFAULT=1
# runs them under glibc's defaults instead.
# Faces for scaling/averaging are drawn once into target/bench-data (48 px by default).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
if [ -n "${BENCH_GLIBC_DEFAULT:-}" ]; then
  unset GLIBC_TUNABLES
else
  # shellcheck source=../deploy/native-env.sh
  . deploy/native-env.sh
fi
case "$mode" in
  training) main=vlfer.bench.TrainingThroughputBench ;;
  profile) main=vlfer.bench.StepProfileBench; BENCH_STEPS=${BENCH_STEPS:-40} ;;
  input) main=vlfer.bench.InputPipelineBench; export OMP_NUM_THREADS=1 ;;
  expclip-ceiling) main=vlfer.bench.ExpclipTargetCeiling ;;
  cliper) main=vlfer.bench.CliperStepBench ;;
  scaling|averaging) main=vlfer.bench.EpochBench ;;
  *) echo "usage: jobs/bench.sh training [--torch]|profile|input|expclip-ceiling|cliper|scaling|averaging [name ...]" >&2; exit 2 ;;
esac
shift
torch=
if [ "$mode" = training ] && [ "${1:-}" = --torch ]; then
  torch=1; shift
  /usr/bin/python3 -c 'import torch' 2>/dev/null || {
    echo "jobs/bench.sh: --torch needs Debian's python3-torch (apt-get install python3-torch)" >&2; exit 2; }
fi
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
  training)
    export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
    if [ -z "$torch" ]; then
      bench_java "$main" "$@"
      exit 0
    fi
    encoders=("$@"); [ ${#encoders[@]} -gt 0 ] || encoders=(face-api resnet18)
    echo "GLIBC_TUNABLES=${GLIBC_TUNABLES:-unset, glibc defaults}, OMP_NUM_THREADS=$OMP_NUM_THREADS, batch ${BENCH_BATCH:-32}, ${BENCH_STEPS:-10} steps"
    : > target/bench-torch.txt
    for round in $(seq "${BENCH_ROUNDS:-2}"); do
      bench_java "$main" "${encoders[@]}" 2>>target/bench-training.log | grep 'img/s' | sed 's/^/vlfer /' | tee -a target/bench-torch.txt
      /usr/bin/python3 jobs/bench-torch.py --batch "${BENCH_BATCH:-32}" --steps "${BENCH_STEPS:-10}" \
        --threads "$OMP_NUM_THREADS" "${encoders[@]}" | grep 'img/s' | sed 's/^/torch /' | tee -a target/bench-torch.txt
    done
    awk '{ for (i = 1; i <= NF; i++) { if ($i == "train") tr = $(i + 1); if ($i == "inference") inf = $(i + 1) }
           k = $2; seen[k] = 1; n[$1, k]++; t[$1, k] = t[$1, k] sep[$1, k] tr; sep[$1, k] = ", "
           st[$1, k] += tr; i2[$1, k] = i2[$1, k] isep[$1, k] inf; isep[$1, k] = ", " }
      END { print ""; print "| encoder | PyTorch train img/s | vlfer train img/s | vlfer time per step vs PyTorch | inference img/s PyTorch / vlfer |"
            print "|---|---|---|---|---|"
            for (k in seen) printf "| %s | %s | %s | %.2fx | %s / %s |\n", k, t["torch", k], t["vlfer", k],
              (st["torch", k] / n["torch", k]) / (st["vlfer", k] / n["vlfer", k]), i2["torch", k], i2["vlfer", k] }' target/bench-torch.txt ;;
  *)
    export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
    bench_java "$main" "$@" ;;
esac
