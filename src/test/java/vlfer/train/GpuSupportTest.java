package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The GPU check on faked device capabilities (no GPU here). */
class GpuSupportTest {
    private static Properties cuda(Object... nameMajorMinor) {
        List<Map<String, Object>> devices = new java.util.ArrayList<>();
        for (int i = 0; i < nameMajorMinor.length; i += 3) {
            devices.add(Map.of("cuda.deviceName", nameMajorMinor[i], "cuda.deviceMajor", nameMajorMinor[i + 1],
                    "cuda.deviceMinor", nameMajorMinor[i + 2]));
        }
        Properties p = new Properties();
        p.put("backend", "CUDA");
        p.put("cuda.devicesInformation", devices);
        return p;
    }

    @Test
    void keplerToAdaRun() {
        assertDoesNotThrow(() -> GpuSupport.check(cuda("Tesla K80", 3, 7, "Tesla V100", 7, 0, "A100", 8, 0, "A10", 8, 6,
                "L4", 8, 9, "Tesla T4", 7, 5)));
    }

    @Test
    void hopperAndNewerAreRefusedNamingTheDeviceAndTheSupportedList() {
        String msg = assertThrows(IllegalStateException.class,
                () -> GpuSupport.check(cuda("A100", 8, 0, "NVIDIA H100 80GB HBM3", 9, 0))).getMessage();
        assertTrue(msg.startsWith("GPU 1 'NVIDIA H100 80GB HBM3' (compute capability 9.0)"), msg);
        assertTrue(msg.contains("sm_37, sm_50, sm_52, sm_60, sm_61, sm_70, sm_75, sm_80, sm_86") && msg.contains("no PTX"), msg);
        assertFalse(msg.contains("A100"), "only the devices that cannot run are named");
        assertThrows(IllegalStateException.class, () -> GpuSupport.check(cuda("B200", 10, 0)));
        assertThrows(IllegalStateException.class, () -> GpuSupport.check(cuda("RTX 5090", 12, 0)));
        assertThrows(IllegalStateException.class, () -> GpuSupport.check(cuda("Tesla K40", 3, 5)), "older than the oldest carried");
    }

    @Test
    void theCpuBackendIsNotChecked() {
        Properties cpu = new Properties();
        cpu.put("backend", "CPU");
        assertDoesNotThrow(() -> GpuSupport.check(cpu));
        assertDoesNotThrow(GpuSupport::checkOnce, "this machine's backend");
    }
}
