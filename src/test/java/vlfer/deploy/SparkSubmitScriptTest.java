package vlfer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/spark-submit.sh} against a stand-in spark-submit that records its arguments: it
 * honours SPARK_HOME, passes spark-submit options through (after its defaults, so they win), and
 * applies the configuration's Spark settings at submit time, credentials excepted.
 */
class SparkSubmitScriptTest {
    @TempDir
    Path dir;

    private record Result(int code, String err, List<String> args) {
    }

    private Result submit(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "deploy/spark-submit.sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().remove("GLIBC_TUNABLES");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("VLFER_JAR", "/opt/vlfer/vlfer-spark.jar");
        Path models = dir.resolve("vlfer-text-models.jar");
        Files.writeString(models, "stand-in");
        pb.environment().put("VLFER_TEXT_MODELS_JAR", models.toString());
        pb.environment().put("VLFER_CONF_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script finished");
        Path recorded = dir.resolve("args.txt");
        List<String> out = Files.exists(recorded) ? Files.readAllLines(recorded) : List.of();
        return new Result(p.exitValue(), Files.readString(dir.resolve("err.txt")), out);
    }

    private Path fakeSparkHome() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("spark/bin"));
        Path script = bin.resolve("spark-submit");
        Files.writeString(script, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args.txt") + "'\n"
                + "printf '%s' \"${GLIBC_TUNABLES:-}\" > '" + dir.resolve("driver-env.txt") + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("spark");
    }

    @Test
    void submitsThroughSparkHomeWithTheConfigsSparkSettingsAndTheUsersOptionsLast() throws Exception {
        Result r = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()),
                "--master", "spark://m:7077", "--conf", "spark.executor.memory=2g", "--jars", "extra.jar",
                "--", "train", "--config", "conf/cluster.conf", "--set", "vlfer.run-id=t1",
                "--set", "vlfer.spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=SHHH");
        assertEquals(0, r.code(), r.err());
        List<String> a = r.args();
        assertTrue(a.contains("spark.executor.resource.gpu.amount=1"), "cluster.conf's Spark settings at submit time: " + a);
        assertTrue(a.contains("spark.serializer=org.apache.spark.serializer.KryoSerializer"), "reference.conf's too: " + a);
        assertTrue(a.indexOf("spark.executor.memory=2g") > a.indexOf("spark.executor.memory=8g"), "the user's --conf wins: " + a);
        assertTrue(a.containsAll(List.of("--master", "spark://m:7077", "--jars", "extra.jar")), a.toString());
        assertEquals(List.of("/opt/vlfer/vlfer-spark.jar", "train", "--config", "conf/cluster.conf", "--set", "vlfer.run-id=t1"),
                a.subList(a.indexOf("/opt/vlfer/vlfer-spark.jar"), a.indexOf("/opt/vlfer/vlfer-spark.jar") + 6));
        assertEquals("conf/cluster.conf", a.get(a.indexOf("--files") + 1));
        assertEquals(dir.resolve("vlfer-text-models.jar").toString(), a.get(a.indexOf("--driver-class-path") + 1),
                "the text models go on the driver's class path only");
        assertFalse(a.stream().anyMatch(x -> x.contains("SHHH") && !x.startsWith("vlfer.spark.conf")),
                "a credential is never a spark-submit --conf: " + a);
        assertTrue(r.err().contains("spark.hadoop.fs.s3a.secret.key"), r.err());
    }

    @Test
    void clusterDeployModeReadsTheShippedConfigByName() throws Exception {
        Result r = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()), "--deploy-mode=cluster", "--jars", "mine.jar",
                "--", "train", "--config", "conf/cluster.conf");
        assertEquals(0, r.code(), r.err());
        assertEquals("cluster.conf", r.args().get(r.args().indexOf("--config") + 1));
        assertEquals(1, r.args().stream().filter("--jars"::equals).count(), r.args().toString());
        assertEquals(dir.resolve("vlfer-text-models.jar") + ",mine.jar", r.args().get(r.args().indexOf("--jars") + 1),
                "in cluster mode the driver is remote: the models go by --jars, joined to the user's");
    }

    @Test
    void aUsersDriverClassPathIsJoinedToTheTextModels() throws Exception {
        Result r = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()), "--driver-class-path", "/opt/extra.jar",
                "--", "train");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.args().stream().filter("--driver-class-path"::equals).count(), r.args().toString());
        assertEquals(dir.resolve("vlfer-text-models.jar") + ":/opt/extra.jar",
                r.args().get(r.args().indexOf("--driver-class-path") + 1));
    }

    @Test
    void theDriverAndTheExecutorsRunUnderTheProjectsMallocSettingsUnlessTheUserHasOwn() throws Exception {
        String settings = NativeEnv.projectSettings();
        Result r = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()), "--", "train");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.args().contains("spark.executorEnv.GLIBC_TUNABLES=" + settings), r.args().toString());
        assertTrue(r.args().contains("spark.yarn.appMasterEnv.GLIBC_TUNABLES=" + settings), r.args().toString());
        assertEquals(settings, Files.readString(dir.resolve("driver-env.txt")), "a client-mode driver's environment");
        Result own = submit(Map.of("SPARK_HOME", fakeSparkHome().toString(), "GLIBC_TUNABLES", "glibc.malloc.arena_max=8"),
                "--", "train");
        assertEquals(0, own.code(), own.err());
        assertTrue(own.args().contains("spark.executorEnv.GLIBC_TUNABLES=glibc.malloc.arena_max=8"), own.args().toString());
        assertEquals("glibc.malloc.arena_max=8", Files.readString(dir.resolve("driver-env.txt")));
    }

    @Test
    void saysWhatIsMissing() throws Exception {
        Result noSpark = submit(Map.of(), "--master", "local[2]", "--", "train");
        assertEquals(2, noSpark.code());
        assertTrue(noSpark.err().contains("set SPARK_HOME"), noSpark.err());
        Result noCommand = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()), "--master", "local[2]");
        assertEquals(2, noCommand.code());
        assertTrue(noCommand.err().contains("usage: deploy/spark-submit.sh"), noCommand.err());
        Result badHeap = submit(Map.of("SPARK_HOME", fakeSparkHome().toString(), "EXECUTOR_HEAP_GB", "8g"), "--", "train");
        assertEquals(2, badHeap.code());
        assertTrue(badHeap.err().contains("EXECUTOR_HEAP_GB must be a whole number of GiB, not '8g'"), badHeap.err());
        Result badKey = submit(Map.of("SPARK_HOME", fakeSparkHome().toString()), "--", "train", "--set", "vlfer.trian.epochs=3");
        assertEquals(2, badKey.code());
        assertTrue(badKey.err().contains("vlfer.trian"), badKey.err());
    }
}
