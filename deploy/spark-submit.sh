#!/usr/bin/env bash
# Submits 'vlfer train' to a Spark 3.5 (Scala 2.12) cluster with GPU executors.
#   build once:  mvn -B -DskipTests -Dcuda -Pdist package     (CPU executors: without -Dcuda)
#   then:        deploy/spark-submit.sh spark://master:7077 conf/cluster.conf --set vlfer.run-id=raf-2026-11-22
# Executors need CUDA 11.6 + cuDNN 8.3 on their image (the cuda profile's ND4J backend).
# Executor memory: ND4J keeps tensors off the Java heap (JavaCPP), which Spark does not count, so
# a container sized by spark.executor.memory alone is killed by YARN/Kubernetes. An executor holds
# one network per task slot (parameters, updater state, workspaces) and one decoded
# minibatch per task, whatever the dataset's size. Set the JVM heap (EXECUTOR_HEAP_GB) and ND4J's
# off-heap cap (EXECUTOR_OFFHEAP_GB, JavaCPP maxbytes); the container gets heap + off-heap + 1g
# (metaspace, thread stacks, oneDNN/cuDNN natives) as Spark's memory overhead, and JavaCPP's
# physical cap (maxphysicalbytes) is that same total, so ND4J fails with a clear OutOfMemoryError
# naming the cap before the container is killed.
set -euo pipefail
master=${1:?usage: spark-submit.sh MASTER CONF [vlfer train options...]}
conf=${2:?usage: spark-submit.sh MASTER CONF [vlfer train options...]}
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
heap_gb=${EXECUTOR_HEAP_GB:-8}       # executor JVM heap, GiB
offheap_gb=${EXECUTOR_OFFHEAP_GB:-12} # ND4J off-heap cap, GiB
jar=$(ls "$here"/target/vlfer-*-spark.jar | head -1)

# The same JVM flags the tests and the local launcher use (pom.xml, property vlfer.jvm.flags):
# Java 17 module opens for Spark, DL4J's oneDNN helpers on, DJL offline.
flags="-Dorg.eclipse.deeplearning4j.helpers.disable=false -Dai.djl.offline=true -Dai.djl.default_engine=OnnxRuntime \
-Djdk.reflect.useDirectMethodHandle=false \
-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache -DDJL_CACHE_DIR=/tmp/djl-cache \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"

exec spark-submit \
  --master "$master" \
  --deploy-mode client \
  --class vlfer.app.Vlfer \
  --files "$conf" \
  --conf "spark.driver.extraJavaOptions=$flags" \
  --conf "spark.executor.extraJavaOptions=$flags -Dorg.bytedeco.javacpp.maxbytes=${offheap_gb}G \
-Dorg.bytedeco.javacpp.maxphysicalbytes=$((heap_gb + offheap_gb + 1))G" \
  --conf spark.executor.memory=${heap_gb}g \
  --conf spark.executor.memoryOverhead=$((offheap_gb + 1))g \
  --conf spark.executorEnv.OMP_NUM_THREADS=1 \
  "$jar" train --config "$conf" "$@"
