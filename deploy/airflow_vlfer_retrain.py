"""Nightly vlfer retraining that gates and promotes: one DAG per file, cheap top-level code.

    data_check -> train -> gate -> promote

- data_check: `vlfer datasets describe --check` on the training data; exit 3 (task fails, nothing
  trains) when a split's rejected rows exceed MAX_REJECT_FRACTION.
- train: the run id is the logical date. `--resume-or-start`: a retry continues from the run's
  last checkpoint (a finished run has nothing left to train), and never restarts from epoch 0 over
  old checkpoints. To retrain a date from scratch, run `vlfer train --overwrite` with its run id.
- gate: `vlfer gate`: the run's WAR must reach MIN_WAR on every evaluated split and lose at most
  MAX_DROP against the current champion; exit 3 fails the task and promote does not run.
- promote: `vlfer promote`: the model becomes the champion of MODEL_NAME
  (<output.dir>/models/MODEL_NAME/champion.json); promoting the same run again changes nothing.

Every task is idempotent per logical date. The gate and the checks are not retried: their answer
would not change. The table-reading tasks run in client mode, so their exit code reaches Airflow.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "/opt/vlfer/vlfer-0.1.0-SNAPSHOT-spark.jar"
# the text encoders' models: read by the driver only, so on its class path and not in JAR
TEXT_MODELS_JAR = "/opt/vlfer/vlfer-0.1.0-SNAPSHOT-text-models.jar"
CONF = "/opt/vlfer/conf/cluster.conf"
FLAGS = " ".join([
    "-Dorg.eclipse.deeplearning4j.helpers.disable=false",
    "-Dai.djl.offline=true",
    "-Dai.djl.default_engine=OnnxRuntime",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache",
    "-DDJL_CACHE_DIR=/tmp/djl-cache",
] + [f"--add-opens=java.base/{p}=ALL-UNNAMED" for p in (
    "java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
    "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
    "sun.security.action", "sun.util.calendar")] + ["--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"])

# ND4J keeps tensors off the Java heap, which Spark does not count: the executor heap, ND4J's
# off-heap cap (JavaCPP maxbytes), JavaCPP's physical cap and Spark's memory overhead are set
# together, as in deploy/spark-submit.sh.
EXECUTOR_HEAP_GB = 8
EXECUTOR_OFFHEAP_GB = 12
EXECUTOR_FLAGS = " ".join([
    FLAGS,
    f"-Dorg.bytedeco.javacpp.maxbytes={EXECUTOR_OFFHEAP_GB}G",
    f"-Dorg.bytedeco.javacpp.maxphysicalbytes={EXECUTOR_HEAP_GB + EXECUTOR_OFFHEAP_GB + 1}G",
])

# glibc's malloc settings for the driver and the executors (deploy/native-env.sh says why: without
# them every training step faults its working set in again)
GLIBC_TUNABLES = ("glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:"
                  "glibc.malloc.top_pad=67108864:glibc.malloc.arena_max=4")

RUN_ID = "rafdb-ke2nt-resnet18-{{ ds_nodash }}"
MODEL_NAME = "rafdb-ke2nt"
MIN_WAR = "0.85"
MAX_DROP = "0.005"
MAX_REJECT_FRACTION = "0.02"


def vlfer_task(task_id, args, retries=1, executors=None):
    """A `vlfer <args>` through spark-submit (client mode); driver-only commands need no executor settings."""
    conf = {"spark.driver.extraJavaOptions": FLAGS}
    if executors:
        conf.update(executors)
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id="spark_gpu_cluster",
        application=JAR,
        driver_class_path=TEXT_MODELS_JAR,
        java_class="vlfer.app.Vlfer",
        files=CONF,
        application_args=args + ["--config", CONF],
        conf=conf,
        # client mode for every task: the exit code of gate/data_check reaches Airflow, and the driver
        # reads CONF and TEXT_MODELS_JAR from this machine's paths
        deploy_mode="client",
        env_vars={"GLIBC_TUNABLES": GLIBC_TUNABLES},
        retries=retries,
    )


with DAG(
    dag_id="vlfer_retrain_rafdb_ke2nt",
    start_date=datetime(2026, 11, 1),
    schedule="@daily",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["vlfer", "fer"],
) as dag:
    data_check = vlfer_task("data_check", [
        "datasets", "describe", "--manifest", "rafdb.conf", "--root", "s3a://ml-fer-datasets/RAF-DB/basic", "--check",
        "--set", f"vlfer.data.max-reject-fraction={MAX_REJECT_FRACTION}",
    ], retries=0)
    # a retry (or a cleared task) continues from the last checkpoint: it never restarts from epoch 0
    train = vlfer_task("train", ["train", "--resume-or-start", "--set", f"vlfer.run-id={RUN_ID}"], executors={
        "spark.executor.extraJavaOptions": EXECUTOR_FLAGS,
        "spark.executor.memory": f"{EXECUTOR_HEAP_GB}g",
        "spark.executor.memoryOverhead": f"{EXECUTOR_OFFHEAP_GB + 1}g",
        "spark.executorEnv.OMP_NUM_THREADS": "1",
        "spark.executorEnv.GLIBC_TUNABLES": GLIBC_TUNABLES,
    })
    gate = vlfer_task("gate", [
        "gate", "--run-id", RUN_ID, "--min-war", MIN_WAR, "--against", MODEL_NAME, "--max-drop", MAX_DROP,
    ], retries=0)
    promote = vlfer_task("promote", ["promote", "--run-id", RUN_ID, "--as", MODEL_NAME])

    data_check >> train >> gate >> promote
