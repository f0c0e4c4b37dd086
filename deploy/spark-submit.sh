#!/usr/bin/env bash
# Submits a vlfer command to a Spark 3.5 (Scala 2.12, Java 17) cluster.
#
#   deploy/spark-submit.sh [spark-submit options ...] -- COMMAND [vlfer options ...]
#
#   build once:  mvn -B -DskipTests -Pdist package        (GPU executors: add -Dcuda)
#   e.g.         deploy/spark-submit.sh --master spark://master:7077 -- train --config conf/cluster-cpu.conf
#                deploy/spark-submit.sh --master yarn --deploy-mode cluster --executor-cores 4 \
#                  -- train --config conf/cluster.conf --set vlfer.run-id=raf-2026-11-22 --resume-or-start
#
# spark-submit is $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the one on PATH.
# Everything before "--" goes to spark-submit as given (--master, --deploy-mode, --jars, --packages,
# --driver-memory, --conf ...), after the defaults below, so it wins over them. The configuration's
# own Spark settings (vlfer.spark.conf in --config and --set) are passed as --conf at submit time
# too: properties the driver JVM reads at launch (spark.driver.memory, extraJavaOptions) would
# otherwise come too late. Credentials among them are left to the session (never on the command
# line). The --config file is shipped with --files: read from its path in client mode, and by name
# from the driver's working directory in cluster deploy mode (YARN localises --files there; on
# other cluster managers, put the file where the driver can read it and use client mode). The text encoders' models travel in
# target/vlfer-*-text-models.jar, on the driver's class path only (client mode).
# VLFER_SUBMIT_DRY_RUN=1 prints the command instead of running it.
#
# Executor memory: ND4J keeps tensors off the Java heap (JavaCPP), which Spark does not count, so
# a container sized by spark.executor.memory alone is killed by YARN/Kubernetes. An executor holds
# one network per task slot (parameters, updater state, workspaces) and one decoded minibatch per
# task, whatever the dataset's size. Set the JVM heap (EXECUTOR_HEAP_GB) and ND4J's off-heap cap
# (EXECUTOR_OFFHEAP_GB, JavaCPP maxbytes); the container gets heap + off-heap + 1g (metaspace,
# thread stacks, oneDNN/cuDNN natives) as Spark's memory overhead, and JavaCPP's physical cap
# (maxphysicalbytes) is that same total, so ND4J fails with a clear OutOfMemoryError naming the cap
# before the container is killed. JavaCPP unpacks its natives (~440 MB) into JAVACPP_CACHE on each
# node (default /tmp/javacpp-cache): it must be writable.
set -euo pipefail
usage="usage: deploy/spark-submit.sh [spark-submit options ...] -- COMMAND [vlfer options ...]"
here=$(cd "$(dirname "$0")/.." && pwd)

submit_opts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --*=*) submit_opts+=("${1%%=*}" "${1#*=}") ;; # --jars=x.jar as --jars x.jar
    *) submit_opts+=("$1") ;;
  esac
  shift
done
[ $# -gt 0 ] || { echo "$usage" >&2; echo "(no '--' before the vlfer command)" >&2; exit 2; }
shift
[ $# -gt 0 ] || { echo "$usage" >&2; echo "(no vlfer command after '--')" >&2; exit 2; }
vlfer_args=("$@")

if [ -n "${SPARK_HOME:-}" ]; then
  submit="$SPARK_HOME/bin/spark-submit"
  [ -x "$submit" ] || { echo "spark-submit.sh: SPARK_HOME=$SPARK_HOME has no bin/spark-submit" >&2; exit 2; }
elif command -v spark-submit >/dev/null 2>&1; then
  submit=$(command -v spark-submit)
else
  echo "spark-submit.sh: no spark-submit: set SPARK_HOME to a Spark 3.5 (Scala 2.12) installation, or put its bin/ on PATH" >&2
  exit 2
fi

jar=${VLFER_JAR:-}
if [ -z "$jar" ]; then
  jar=$(ls "$here"/target/vlfer-*-spark.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || { echo "spark-submit.sh: no target/vlfer-*-spark.jar: build it with mvn -B -DskipTests -Pdist package" >&2; exit 2; }
fi

# the text encoders' models (~160 MB) are read by the driver only: on its class path, not in the jar
# the executors download (in cluster deploy mode, where the driver runs elsewhere, they go by --jars)
models=${VLFER_TEXT_MODELS_JAR:-${jar%-spark.jar}-text-models.jar}

heap_gb=${EXECUTOR_HEAP_GB:-8}       # executor JVM heap, GiB
offheap_gb=${EXECUTOR_OFFHEAP_GB:-12} # ND4J off-heap cap, GiB
for v in EXECUTOR_HEAP_GB="$heap_gb" EXECUTOR_OFFHEAP_GB="$offheap_gb"; do
  [[ "${v#*=}" =~ ^[1-9][0-9]*$ ]] || { echo "spark-submit.sh: ${v%%=*} must be a whole number of GiB, not '${v#*=}'" >&2; exit 2; }
done
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# glibc's malloc settings (deploy/native-env.sh): exported for a client-mode driver, passed to the
# executors and to a cluster-mode driver on YARN or Kubernetes (a standalone cluster's driver takes
# its worker's environment: set GLIBC_TUNABLES in the worker's spark-env.sh)
# shellcheck source=native-env.sh
. "$here/deploy/native-env.sh"
cache=${JAVACPP_CACHE:-/tmp/javacpp-cache}

# The same JVM flags the tests and the local launcher use (pom.xml, property vlfer.jvm.flags):
# Java 17 module opens for Spark, DL4J's oneDNN helpers on, DJL offline.
flags="-Dorg.eclipse.deeplearning4j.helpers.disable=false -Dai.djl.offline=true -Dai.djl.default_engine=OnnxRuntime \
-Djdk.reflect.useDirectMethodHandle=false \
-Dorg.bytedeco.javacpp.cachedir=$cache -DDJL_CACHE_DIR=/tmp/djl-cache \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"

# the configuration's Spark settings, resolved as vlfer resolves them (reference.conf < --config < --set)
spark_conf=$("$java" -cp "${VLFER_CONF_CLASSPATH:-$jar}" vlfer.config.SubmitConf "${vlfer_args[@]}") || exit 2
conf_args=()
while IFS= read -r line; do
  [ -n "$line" ] && conf_args+=(--conf "$line")
done <<< "$spark_conf"

# the --config file: in cluster deploy mode the driver runs elsewhere, so the file is shipped with
# --files into its working directory and named there; in client mode the driver reads it here
cluster_mode=
for ((i = 0; i < ${#submit_opts[@]}; i++)); do
  case "${submit_opts[$i]}" in
    --deploy-mode) [ "${submit_opts[$((i + 1))]:-}" = cluster ] && cluster_mode=1 ;;
    spark.submit.deployMode=cluster) cluster_mode=1 ;;
  esac
done
model_args=()
if [ -f "$models" ]; then
  # spark-submit keeps one value per option: a user's --jars / --driver-class-path is joined to it
  if [ -n "$cluster_mode" ]; then option=--jars sep=,; else option=--driver-class-path sep=:; fi
  joined=
  for ((i = 0; i < ${#submit_opts[@]}; i++)); do
    if [ "${submit_opts[$i]}" = "$option" ]; then
      submit_opts[$((i + 1))]="$models$sep${submit_opts[$((i + 1))]:-}"
      joined=1
    fi
  done
  [ -n "$joined" ] || model_args=("$option" "$models")
else
  echo "spark-submit.sh: no $models: the built-in text encoders will be missing on the driver" \
    "(build it with mvn -B -DskipTests -Pdist package, or set VLFER_TEXT_MODELS_JAR)" >&2
fi
files=()
for ((i = 0; i < ${#vlfer_args[@]}; i++)); do
  case "${vlfer_args[$i]}" in
    --config|-c)
      conf_file=${vlfer_args[$((i + 1))]:-}
      [ -n "$conf_file" ] || { echo "spark-submit.sh: --config needs a file" >&2; exit 2; }
      files=(--files "$conf_file")
      [ -n "$cluster_mode" ] && vlfer_args[$((i + 1))]=$(basename "$conf_file") ;;
  esac
done
# ${a[@]+"${a[@]}"}: an empty array under set -u on bash before 4.4 (macOS)
cmd=("$submit"
  --class vlfer.app.Vlfer
  ${files[@]+"${files[@]}"}
  --conf "spark.driver.extraJavaOptions=$flags"
  --conf "spark.executor.extraJavaOptions=$flags -Dorg.bytedeco.javacpp.maxbytes=${offheap_gb}G \
-Dorg.bytedeco.javacpp.maxphysicalbytes=$((heap_gb + offheap_gb + 1))G"
  --conf "spark.executor.memory=${heap_gb}g"
  --conf "spark.executor.memoryOverhead=$((offheap_gb + 1))g"
  --conf spark.executorEnv.OMP_NUM_THREADS=1
  --conf "spark.executorEnv.GLIBC_TUNABLES=$GLIBC_TUNABLES"
  --conf "spark.yarn.appMasterEnv.GLIBC_TUNABLES=$GLIBC_TUNABLES"
  --conf "spark.kubernetes.driverEnv.GLIBC_TUNABLES=$GLIBC_TUNABLES"
  ${conf_args[@]+"${conf_args[@]}"}
  ${model_args[@]+"${model_args[@]}"}
  ${submit_opts[@]+"${submit_opts[@]}"}
  "$jar" "${vlfer_args[@]}")

if [ -n "${VLFER_SUBMIT_DRY_RUN:-}" ]; then
  printf '%q ' "${cmd[@]}"; echo
  exit 0
fi
exec "${cmd[@]}"
