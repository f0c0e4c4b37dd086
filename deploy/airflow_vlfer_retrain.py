"""Nightly vlfer retraining: one DAG per file, cheap top-level code, idempotent per run date.

The run id is the logical date, so a re-run of the same date replaces that run's rows in the
metrics table instead of adding new ones.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "/opt/vlfer/vlfer-0.1.0-SNAPSHOT-spark.jar"
CONF = "/opt/vlfer/conf/cluster.conf"
FLAGS = " ".join([
    "-Dorg.eclipse.deeplearning4j.helpers.disable=false",
    "-Dai.djl.offline=true",
    "-Dai.djl.default_engine=OnnxRuntime",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache",
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

with DAG(
    dag_id="vlfer_retrain_rafdb_ke2nt",
    start_date=datetime(2026, 11, 1),
    schedule="@daily",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["vlfer", "fer"],
) as dag:
    SparkSubmitOperator(
        task_id="train_and_evaluate",
        conn_id="spark_gpu_cluster",
        application=JAR,
        java_class="vlfer.app.Vlfer",
        files=CONF,
        application_args=[
            "train", "--config", CONF,
            "--set", "vlfer.run-id=rafdb-ke2nt-resnet18-{{ ds_nodash }}",
        ],
        conf={
            "spark.driver.extraJavaOptions": FLAGS,
            "spark.executor.extraJavaOptions": EXECUTOR_FLAGS,
            "spark.executor.memory": f"{EXECUTOR_HEAP_GB}g",
            "spark.executor.memoryOverhead": f"{EXECUTOR_OFFHEAP_GB + 1}g",
            "spark.executorEnv.OMP_NUM_THREADS": "1",
        },
    )
