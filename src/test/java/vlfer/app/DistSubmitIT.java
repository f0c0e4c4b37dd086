package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.testing.S3ProxyServer;
import vlfer.testing.StandaloneCluster;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/**
 * The cluster jar as shipped: {@code target/vlfer-*-spark.jar} (built by -Pdist before this runs)
 * submitted with {@code deploy/spark-submit.sh} through Spark's real launcher and SparkSubmit to a
 * standalone Master and two Workers whose SPARK_HOME holds only the plain Spark jars (the project's
 * provided dependencies, not its class path). The faces are read from, and the tables, model and
 * report written to, S3Proxy on 127.0.0.1, through the S3A classes the jar carries. Explicit
 * credentials; AWS_EC2_METADATA_DISABLED everywhere.
 */
class DistSubmitIT {
    private static final String BUCKET = "fer";

    @TempDir
    Path work;

    @Test
    void theDistJarTrainsOnAPlainSparkClusterFromAndToS3() throws Exception {
        Path jar = Path.of(System.getProperty("it.dist.jar", "missing"));
        assertTrue(Files.isRegularFile(jar), "no dist jar at " + jar + ": run with -Pdist (mvn -B -Pcluster-it,dist verify)");
        List<String> sparkJars = plainSparkJars();
        assertTrue(sparkJars.stream().anyMatch(j -> j.contains("spark-core_2.12")), "the plain Spark jars");
        assertFalse(sparkJars.stream().anyMatch(j -> j.contains("hadoop-aws") || j.contains("deeplearning4j")),
                "nothing of the application on the cluster's class path");

        LoadedSettings faces = TestRuns.settings(work, "vlfer.synth.train-per-class=12", "vlfer.synth.test-per-class=4");
        TestData.synthesize(faces.settings());
        try (S3ProxyServer s3 = S3ProxyServer.start(work)) {
            s3.createBucket(BUCKET);
            upload(s3.hadoopConf(), work.resolve("synthetic-rafdb"), "s3a://" + BUCKET + "/synthetic-rafdb");
            Path home = work.resolve("spark-home");
            try (StandaloneCluster cluster = StandaloneCluster.start(home, sparkJars, 2, 1, "2g")) {
                writeSparkSubmit(home);
                List<String> cmd = new ArrayList<>(List.of("bash", "deploy/spark-submit.sh",
                        "--master", cluster.masterUrl(), "--driver-memory", "2g",
                        "--conf", "spark.executor.cores=1", "--conf", "spark.driver.host=127.0.0.1",
                        "--conf", "spark.executorEnv.AWS_EC2_METADATA_DISABLED=true",
                        "--", "train", "--set", "vlfer.run-id=submitted", "--set", "vlfer.model.encoder=small-cnn",
                        "--set", "vlfer.train.epochs=1", "--set", "vlfer.train.workers=2",
                        "--set", "vlfer.output.dir=\"s3a://" + BUCKET + "/out\"",
                        "--set", "vlfer.data.datasets.synthetic.root=\"s3a://" + BUCKET + "/synthetic-rafdb\""));
                for (String o : s3.sparkConfOverrides(S3ProxyServer.SECRET_KEY)) {
                    cmd.add("--set");
                    cmd.add(o);
                }
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(work.resolve("submit.log").toFile());
                pb.environment().put("SPARK_HOME", home.toString());
                pb.environment().put("VLFER_JAR", jar.toString());
                pb.environment().put("EXECUTOR_HEAP_GB", "1");
                pb.environment().put("EXECUTOR_OFFHEAP_GB", "1");
                pb.environment().put("JAVACPP_CACHE", Path.of("target/javacpp-cache").toAbsolutePath().toString());
                pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
                pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
                long start = System.nanoTime();
                Process p = pb.start();
                boolean done = p.waitFor(15, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                String log = Files.readString(work.resolve("submit.log"));
                assertTrue(done, "spark-submit did not finish in 15 minutes:\n" + tail(log));
                assertEquals(0, p.exitValue(), tail(log));
                System.out.printf("DistSubmitIT: spark-submit of %s (%d MB) trained and evaluated in %.0f s%n", jar.getFileName(),
                        Files.size(jar) >> 20, seconds);
                assertTrue(log.contains("run submitted  (method ke2nt, encoder small-cnn)"), tail(log));
                assertTrue(log.matches("(?s).*synthetic +test .*"), tail(log));
                assertTrue(log.contains("on 2 workers"), "trained on the two executors: " + tail(log));
                Path out = s3.baseDir().resolve(BUCKET).resolve("out");
                assertTrue(Files.isDirectory(out.resolve("tables/metrics/run_id=submitted/dataset=synthetic/split=test")));
                assertTrue(Files.isDirectory(out.resolve("tables/history/run_id=submitted")));
                assertTrue(Files.exists(out.resolve("runs/submitted/model.zip")));
                assertTrue(Files.readString(out.resolve("runs/submitted/report.html")).contains("chart-confusion-synthetic-test"));
                assertFalse(Files.readString(out.resolve("runs/submitted/resolved.conf")).contains(S3ProxyServer.SECRET_KEY));
                try (java.util.stream.Stream<Path> fetched = Files.walk(home)) {
                    List<String> names = fetched.filter(f -> f.toString().contains("/work-")).map(f -> f.getFileName().toString())
                            .toList();
                    assertTrue(names.stream().anyMatch(n -> n.endsWith("-spark.jar")), "the executors fetched the jar: " + names);
                    assertFalse(names.stream().anyMatch(n -> n.contains("text-models")), "but not the text models: " + names);
                }
            }
        }
    }

    /** The jars of plain Spark (src/test/resources/vlfer/it/plain-spark/pom.xml), resolved by Maven. */
    private List<String> plainSparkJars() throws IOException, InterruptedException {
        Path out = work.resolve("plain-spark.classpath");
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", ".mvn/settings.xml", "-f",
                "src/test/resources/vlfer/it/plain-spark/pom.xml", "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + out, "-Dspark.version=" + System.getProperty("it.spark.version", "3.5.9")));
        if (Boolean.getBoolean("it.maven.offline")) {
            cmd.add("-o");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("mvn.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0,
                "mvn could not resolve plain Spark: " + Files.readString(work.resolve("mvn.log")));
        return List.of(Files.readString(out).trim().split(java.io.File.pathSeparator));
    }

    /** bin/spark-submit as Spark ships it: the launcher library builds the java command, then it runs. */
    private static void writeSparkSubmit(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path script = bin.resolve("spark-submit");
        Files.writeString(script, """
                #!/usr/bin/env bash
                # Spark's launcher (org.apache.spark.launcher.Main) prints a NUL and a newline, then the
                # command, each argument ended by a NUL, with the driver's memory and extraJavaOptions
                # applied; the launcher's exit code comes last.
                set -euo pipefail
                export SPARK_SCALA_VERSION=2.12 # what Spark's load-spark-env.sh sets
                out=()
                while IFS= read -r -d '' arg; do out+=("$arg"); done < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" \
                  org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"; printf '%d\\0' $?)
                last=$(( ${#out[@]} - 1 ))
                [ "${out[$last]}" = 0 ] || exit "${out[$last]}"
                cmd=("${out[@]:1:$((last - 1))}")
                cmd[0]=${cmd[0]#$'\\n'}
                exec "${cmd[@]}"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void upload(Configuration conf, Path local, String target) throws IOException {
        org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(target);
        FileSystem fs = dst.getFileSystem(conf);
        try (java.util.stream.Stream<Path> files = Files.list(local)) {
            for (Path f : files.toList()) {
                assertTrue(FileUtil.copy(f.toFile(), fs, new org.apache.hadoop.fs.Path(dst, f.getFileName().toString()), false, conf));
            }
        }
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
