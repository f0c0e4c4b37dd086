package org.nd4j.nativeblas;

/**
 * Compatibility shim, not ND4J code. DL4J 1.0.0-M2.1's BaseMKLDNNHelper decides whether its conv,
 * pooling and batch-norm layers may use oneDNN by reflectively calling
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} — a class the
 * M2.1 nd4j-native jar renamed to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment}
 * (method {@code isUseONEDNN}). Without this class the lookup fails and DL4J silently falls back to
 * its slow built-in implementations (measured: training 4.5x, inference 8x slower, same scores).
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** What BaseMKLDNNHelper looks up by name. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Reflective, so that the project still compiles with the CUDA backend (which has no such class). */
        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
                Object instance = env.getMethod("getInstance").invoke(null);
                return (Boolean) env.getMethod("isUseONEDNN").invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
