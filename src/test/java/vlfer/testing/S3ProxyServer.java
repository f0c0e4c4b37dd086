package vlfer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3-compatible server on 127.0.0.1 for tests: S3Proxy (from Maven Central, staged by the
 * build into target/s3proxy) run as its own process over a folder, with AWS v2/v4 signatures
 * checked against one access key. A bucket is a folder under {@link #baseDir()}.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "vlfer-test-access";
    public static final String SECRET_KEY = "vlfer-test-secret-value";
    private static final long START_TIMEOUT_MS = 60_000;

    private final Process process;
    private final int port;
    private final Path baseDir;
    private final Path log;

    private S3ProxyServer(Process process, int port, Path baseDir, Path log) {
        this.process = process;
        this.port = port;
        this.baseDir = baseDir;
        this.log = log;
    }

    /** Starts the server over {@code work}/s3 and waits until it accepts connections. */
    public static S3ProxyServer start(Path work) {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found (system property s3proxy.jar = " + jar
                    + "); run the tests through Maven, which stages it into target/s3proxy");
        }
        try {
            Path base = Files.createDirectories(work.resolve("s3"));
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", ACCESS_KEY);
            p.setProperty("s3proxy.credential", SECRET_KEY);
            p.setProperty("jclouds.provider", "filesystem");
            p.setProperty("jclouds.filesystem.basedir", base.toString());
            Path props = work.resolve("s3proxy.properties");
            try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
                p.store(w, "vlfer test S3 server");
            }
            Path log = work.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", props.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, port, base, log);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + START_TIMEOUT_MS + " ms: "
                + Files.readString(log));
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Creates a bucket (a folder of the filesystem store). */
    public void createBucket(String name) {
        try {
            Files.createDirectories(baseDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The S3A settings a client needs for this server, with the given secret key. */
    public Map<String, String> s3aSettings(String secretKey) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fs.s3a.endpoint", endpoint());
        m.put("fs.s3a.endpoint.region", "us-east-1");
        m.put("fs.s3a.path.style.access", "true");
        m.put("fs.s3a.connection.ssl.enabled", "false");
        m.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        m.put("fs.s3a.access.key", ACCESS_KEY);
        m.put("fs.s3a.secret.key", secretKey);
        m.put("fs.s3a.attempts.maximum", "1");
        m.put("fs.s3a.retry.limit", "1");
        m.put("fs.s3a.retry.interval", "10ms");
        m.put("fs.s3a.connection.establish.timeout", "5000");
        m.put("fs.s3a.connection.timeout", "10000");
        return m;
    }

    /** A Hadoop configuration for this server (no cached FileSystem shared with other configurations). */
    public Configuration hadoopConf(String secretKey) {
        Configuration conf = new Configuration();
        s3aSettings(secretKey).forEach(conf::set);
        conf.setBoolean("fs.s3a.impl.disable.cache", true);
        return conf;
    }

    public Configuration hadoopConf() {
        return hadoopConf(SECRET_KEY);
    }

    /** The same settings as {@code --set} overrides of vlfer.spark.conf ("spark.hadoop." prefixed). */
    public List<String> sparkConfOverrides(String secretKey) {
        List<String> out = new ArrayList<>();
        s3aSettings(secretKey).forEach((k, v) -> out.add("vlfer.spark.conf.\"spark.hadoop." + k + "\"=\"" + v + "\""));
        out.add("vlfer.spark.conf.\"spark.hadoop.fs.s3a.impl.disable.cache\"=true");
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
