#!/usr/bin/env bash
# Trains and evaluates each method with each encoder on the synthetic faces under one protocol
# (conf/compare.conf), on local Spark, and prints them side by side through 'vlfer runs' (also as
# target/vlfer-compare/runs.html). All runs write to one set of tables (target/vlfer-compare/tables).
#   jobs/compare-methods.sh                       ce, ke2nt, cliper, expclip x (small-cnn, face-api)
#                                                 (zeroshot needs a CLIP pair: ENCODERS=clip-vit-b16 + EXTRA)
#   METHODS="ce ke2nt" ENCODERS=small-cnn jobs/compare-methods.sh
#   METHODS=expclip ENCODERS=face-api TAG=-bge \
#     EXTRA="--set vlfer.text.encoder=bge-small-en-v1.5 --set vlfer.method.expclip.prompts=ensemble-5" \
#     jobs/compare-methods.sh                     extra settings for every run; TAG ends the run ids
set -euo pipefail
cd "$(dirname "$0")/.."
methods=${METHODS:-"ce ke2nt cliper expclip"}
encoders=${ENCODERS:-"small-cnn face-api"}
conf=${COMPARE_CONF:-conf/compare.conf}
mvn -B -q -DskipTests compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/compare.classpath
# a copy of the classes, so that rebuilding while the comparison runs cannot change it midway
rm -rf target/compare-classes && cp -r target/classes target/compare-classes
flags=$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=vlfer.jvm.flags -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
run() {
  OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $flags -Dspark.master='local[*,4]' \
    -cp "target/compare-classes:$(cat target/compare.classpath)" vlfer.app.Vlfer "$@"
}
run synth --config "$conf"
failed=()
for m in $methods; do
  for e in $encoders; do
    log="target/compare-$m-$e${TAG:-}.log"
    echo "== $m with $e (log: $log)"
    run train --config "$conf" --set "vlfer.method.name=$m" --set "vlfer.model.encoder=$e" \
      --set "vlfer.run-id=compare-$m-$e${TAG:-}" ${EXTRA:-} > "$log" 2>&1 || { echo "   failed: see $log"; failed+=("$m/$e"); continue; }
    echo "   $(grep -E '^synthetic +test ' "$log" | tail -1)"
  done
done
echo
# the table, from the metrics and history tables (every compare-* run there, earlier ones too);
# report.html of each run is under target/vlfer-compare/runs/<run-id>/
run runs --config "$conf" --filter "compare-*" --html target/vlfer-compare/runs.html
echo "chance: $(awk 'BEGIN { printf "%.2f%%", 100 / 7 }') (7 classes)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
