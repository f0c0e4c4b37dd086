package vlfer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The malloc settings have one value everywhere: deploy/native-env.sh (the launchers and the
 * benchmarks), pom.xml's vlfer.glibc.tunables (which Surefire hands this JVM, and the default run
 * its own) and the Airflow DAG.
 */
class NativeEnvTest {
    @Test
    void theTestsRunUnderTheSameMallocSettingsAsTheLaunchers() throws Exception {
        String settings = NativeEnv.projectSettings();
        assertEquals(settings, System.getenv("GLIBC_TUNABLES"), "pom.xml's vlfer.glibc.tunables vs deploy/native-env.sh");
        List<String> names = List.of(settings.split(":")).stream().map(s -> s.substring(0, s.indexOf('='))).toList();
        assertEquals(List.of("glibc.malloc.hugetlb", "glibc.malloc.mmap_threshold", "glibc.malloc.trim_threshold",
                "glibc.malloc.top_pad", "glibc.malloc.arena_max"), names);
        String dag = Files.readString(Path.of("deploy/airflow_vlfer_retrain.py"));
        Matcher m = Pattern.compile("GLIBC_TUNABLES = \\(\"([^\"]+)\"\\s+\"([^\"]+)\"\\)").matcher(dag);
        assertTrue(m.find(), "the DAG sets GLIBC_TUNABLES");
        assertEquals(settings, m.group(1) + m.group(2), "the DAG's GLIBC_TUNABLES");
        assertTrue(dag.contains("\"spark.executorEnv.GLIBC_TUNABLES\": GLIBC_TUNABLES"), "the DAG's executors get it");
        long mmap = Long.parseLong(settings.replaceAll(".*mmap_threshold=(\\d+).*", "$1"));
        assertTrue(mmap <= 32L << 20, "glibc ignores an mmap threshold above 32 MiB on 64-bit: " + mmap);
    }
}
