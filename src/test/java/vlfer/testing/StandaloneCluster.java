package vlfer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real multi-process Spark standalone cluster on 127.0.0.1, built from the test class path alone:
 * a folder with a RELEASE file and jars/ acts as SPARK_HOME; a Master and N Workers run as separate
 * JVMs, and each Worker launches its executors as JVMs of their own.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final List<Process> processes = new ArrayList<>();
    private final Path home;
    private final String masterUrl;

    private StandaloneCluster(Path home, String masterUrl) {
        this.home = home;
        this.masterUrl = masterUrl;
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** JVM options executors need (module opens, DL4J/JavaCPP flags), taken from this JVM's own. */
    public static String executorJavaOptions() {
        List<String> keep = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dorg.") || a.startsWith("-Djdk.") || a.startsWith("-Dai.djl")) {
                keep.add(a);
            }
        }
        return String.join(" ", keep);
    }

    public static StandaloneCluster start(Path home, int workers, int coresPerWorker, String memoryPerWorker) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return start(home, List.of(cp.split(java.io.File.pathSeparator)), workers, coresPerWorker, memoryPerWorker);
    }

    /**
     * A cluster whose SPARK_HOME/jars holds exactly {@code classPath} (jars linked, class folders
     * jarred): e.g. only the plain Spark jars, as a real Spark distribution has them.
     */
    public static StandaloneCluster start(Path home, List<String> classPath, int workers, int coresPerWorker,
                                          String memoryPerWorker) throws Exception {
        prepareHome(home, classPath);
        int masterPort = freePort();
        int masterUi = freePort();
        StandaloneCluster cluster = new StandaloneCluster(home, "spark://127.0.0.1:" + masterPort);
        try {
            cluster.launch("master", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi));
            for (int i = 0; i < workers; i++) {
                cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--webui-port", Integer.toString(freePort()),
                        "--cores", Integer.toString(coresPerWorker), "--memory", memoryPerWorker,
                        "--work-dir", home.resolve("work-" + i).toString(), cluster.masterUrl);
            }
            cluster.awaitWorkers(masterUi, workers, Duration.ofSeconds(90));
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(List.of(executorJavaOptions().split(" ")));
        cmd.add("-cp");
        cmd.add(home.resolve("jars").toString() + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.12");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true"); // tests never reach for instance metadata
        processes.add(pb.start());
    }

    private void awaitWorkers(int masterUi, int expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process exited early; logs in " + home + ":\n" + logTails());
                }
            }
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = ALIVE.matcher(json);
                if (m.find()) {
                    last = "aliveworkers=" + m.group(1);
                    if (Integer.parseInt(m.group(1)) >= expected) {
                        return;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("cluster not ready after " + timeout + " (" + last + "); logs in " + home);
    }

    private String logTails() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> logs = Files.list(home)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(log);
                sb.append("== ").append(log.getFileName()).append('\n')
                        .append(text.length() > 3000 ? text.substring(text.length() - 3000) : text).append('\n');
            }
        } catch (IOException e) {
            sb.append("(cannot read the logs: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }

    /** SPARK_HOME: RELEASE, jars/ = links to the class path's jars + a jar of each class folder. */
    private static void prepareHome(Path home, List<String> classPath) throws IOException {
        Path jars = home.resolve("jars");
        if (Files.exists(jars)) {
            try (Stream<Path> old = Files.list(jars)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(jars);
        Files.writeString(home.resolve("RELEASE"), "Spark 3.5 (test cluster assembled from Maven jars)\n");
        int n = 0;
        for (String entry : classPath) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", n++, p.getFileName())), p.toAbsolutePath());
            } else if (Files.isDirectory(p)) {
                jarDirectory(p, jars.resolve(String.format("%03d-classes.jar", n++)));
            }
        }
    }

    private static void jarDirectory(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
