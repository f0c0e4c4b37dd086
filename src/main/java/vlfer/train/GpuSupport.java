package vlfer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GPU executors fail fast on a GPU the ND4J CUDA build cannot run on. nd4j-cuda-11.6 1.0.0-M2.1
 * carries machine code for sm_37, sm_50, sm_52, sm_60, sm_61, sm_70, sm_75, sm_80 and sm_86 and no
 * PTX, so nothing can be compiled for a newer GPU at load time. Machine code for sm_XY runs on compute
 * capability X.Z with Z at least Y, so capability 3.7 to 8.x works (Kepler K80 to Ampere and Ada);
 * Hopper (9.0), Blackwell (10.x, 12.x) and later do not. Checked once per JVM, on the driver when
 * a run starts and on each executor before its first task; a no-op on the CPU backend.
 */
public final class GpuSupport {
    /** The architectures the build carries, as compute capabilities {major, minor}. */
    static final int[][] CARRIED = {{3, 7}, {5, 0}, {5, 2}, {6, 0}, {6, 1}, {7, 0}, {7, 5}, {8, 0}, {8, 6}};
    private static final Logger LOG = LoggerFactory.getLogger(GpuSupport.class);
    private static volatile boolean checked;

    private GpuSupport() {
    }

    /** Checks this JVM's ND4J backend once; throws naming the device when it cannot run. */
    public static void checkOnce() {
        if (!checked) {
            synchronized (GpuSupport.class) {
                if (!checked) {
                    check(Nd4j.getExecutioner().getEnvironmentInformation());
                    checked = true;
                }
            }
        }
    }

    /** Checks ND4J's environment information ({@code backend}, {@code cuda.devicesInformation}). */
    static void check(Properties env) {
        if (!"CUDA".equalsIgnoreCase(String.valueOf(env.get("backend")))) {
            return;
        }
        Object devices = env.get("cuda.devicesInformation");
        List<String> refused = new ArrayList<>();
        if (devices instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Map<?, ?> d = (Map<?, ?>) list.get(i);
                int major = Integer.parseInt(String.valueOf(d.get("cuda.deviceMajor")));
                int minor = Integer.parseInt(String.valueOf(d.get("cuda.deviceMinor")));
                String name = "GPU " + i + " '" + d.get("cuda.deviceName") + "' (compute capability " + major + "." + minor + ")";
                if (runs(major, minor)) {
                    LOG.info("{}: supported by the ND4J CUDA build", name);
                } else {
                    refused.add(name);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join(", ", refused) + ": the ND4J CUDA build in this application"
                    + " (nd4j-cuda-11.6 1.0.0-M2.1) carries code for " + carried() + " and no PTX, so it runs on compute"
                    + " capability 3.7 to 8.x only (Kepler K80 to Ampere/Ada), not on Hopper (9.0) or newer. Run the"
                    + " executors on such GPUs, or on CPUs with the CPU build (mvn -B -DskipTests -Pdist package, no -Dcuda)");
        }
    }

    /** Whether code for one of the carried architectures runs on compute capability major.minor. */
    static boolean runs(int major, int minor) {
        for (int[] arch : CARRIED) {
            if (arch[0] == major && arch[1] <= minor) {
                return true;
            }
        }
        return false;
    }

    private static String carried() {
        List<String> out = new ArrayList<>();
        for (int[] a : CARRIED) {
            out.add("sm_" + a[0] + a[1]);
        }
        return String.join(", ", out);
    }
}
