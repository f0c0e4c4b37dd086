package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.DatasetSettings;
import vlfer.config.LoadedSettings;
import vlfer.data.layouts.SynthLayoutFixture;
import vlfer.testing.LocalSpark;
import vlfer.testing.S3ProxyServer;
import vlfer.testing.TestRuns;

/**
 * The readers over s3a:// (Hadoop AWS) against a real S3-compatible server on 127.0.0.1: the same
 * counts, rejects and exclusions as on local disk, image verification reading objects, clear
 * errors for a wrong bucket or wrong credentials, credentials kept out of the config dump, and a
 * training run whose data and output both live in the bucket.
 */
class S3DatasetsTest {
    private static final vlfer.config.DataSettings LIMITS =
            new vlfer.config.SettingsLoader().load(null, java.util.List.of()).settings().data();

    private static final String BUCKET = "fer-datasets";

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static Path rafdb;
    private static Path dfew;

    @BeforeAll
    static void start() throws IOException {
        s3 = S3ProxyServer.start(work);
        s3.createBucket(BUCKET);
        rafdb = SynthLayoutFixture.write(work.resolve("local"), "rafdb");
        plantBadRows(rafdb);
        dfew = SynthLayoutFixture.write(work.resolve("local"), "dfew");
        upload(rafdb, "s3a://" + BUCKET + "/RAF-DB/basic");
        upload(dfew, "s3a://" + BUCKET + "/DFEW");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** An unknown label id, a row naming a missing image, and a truncated JPEG. */
    private static void plantBadRows(Path root) throws IOException {
        Path list = root.resolve("EmoLabel/list_patition_label.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(list));
        String first = lines.get(0).split(" ")[0];
        lines.set(1, lines.get(1).split(" ")[0] + " 9");
        lines.add("train_09999.jpg 3");
        Files.write(list, lines);
        Path image = root.resolve("Image/aligned/" + first.replace(".jpg", "_aligned.jpg"));
        byte[] bytes = Files.readAllBytes(image);
        Files.write(image, Arrays.copyOf(bytes, bytes.length / 3));
    }

    private static void upload(Path local, String target) throws IOException {
        Configuration conf = s3.hadoopConf();
        org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(target);
        FileSystem fs = dst.getFileSystem(conf);
        try (java.util.stream.Stream<Path> files = Files.list(local)) {
            for (Path f : files.toList()) {
                assertTrue(FileUtil.copy(f.toFile(), fs, new org.apache.hadoop.fs.Path(dst, f.getFileName().toString()), false, conf));
            }
        }
    }

    private static void assertSameContent(DatasetDescription local, DatasetDescription remote) {
        assertEquals(local.classes(), remote.classes());
        assertEquals(local.labelMapping(), remote.labelMapping());
        assertEquals(local.splits().size(), remote.splits().size());
        for (int i = 0; i < local.splits().size(); i++) {
            DatasetDescription.SplitDescription l = local.splits().get(i);
            DatasetDescription.SplitDescription r = remote.splits().get(i);
            assertEquals(l.split(), r.split());
            assertEquals(l.samples(), r.samples());
            assertEquals(l.samplesByClass(), r.samplesByClass());
            assertEquals(l.rejectsByReason(), r.rejectsByReason());
            assertEquals(l.excludedByReason(), r.excludedByReason());
        }
    }

    @Test
    void rafdbOnS3ReadsAndVerifiesAsOnDisk() {
        DatasetSettings local = SynthLayoutFixture.dataset("rafdb", rafdb);
        DatasetSettings remote = local.withRoot("s3a://" + BUCKET + "/RAF-DB/basic");
        DatasetDescription onDisk = DescribeJob.run(local, LIMITS, new Configuration(), true, 2);
        DatasetDescription onS3 = DescribeJob.run(remote, LIMITS, s3.hadoopConf(), true, 2);
        assertSameContent(onDisk, onS3);
        assertEquals("s3a://" + BUCKET + "/RAF-DB/basic", onS3.root());
        DatasetDescription.SplitDescription train = onS3.splits().get(0);
        assertEquals("train", train.split());
        assertEquals(7L * SynthLayoutFixture.TRAIN_PER_CLASS - 2, train.samples());
        assertEquals(1L, train.rejectsByReason().get("unknown-label"));
        assertEquals(1L, train.rejectsByReason().get("missing-image"));
        assertEquals(1L, train.rejectsByReason().get("corrupt-image"));
        assertTrue(train.rejectExamples().stream().anyMatch(e -> e.startsWith("corrupt-image  s3a://" + BUCKET + "/RAF-DB/")),
                train.rejectExamples().toString());
    }

    @Test
    void dfewClipsOnS3ReadAsOnDisk() {
        DatasetSettings local = SynthLayoutFixture.dataset("dfew", dfew);
        DatasetSettings remote = local.withRoot("s3a://" + BUCKET + "/DFEW");
        DatasetDescription onDisk = DescribeJob.run(local, LIMITS, new Configuration(), false, 2);
        DatasetDescription onS3 = DescribeJob.run(remote, LIMITS, s3.hadoopConf(), true, 2);
        assertSameContent(onDisk, onS3);
        assertTrue(onS3.video());
        assertTrue(onS3.splits().stream().allMatch(s -> s.rejects() == 0), onS3.splits().toString());
        assertTrue(onS3.splits().get(1).samples() > 0);
    }

    @Test
    void aWrongBucketOrWrongCredentialsIsAnImmediateErrorNamingTheRoot() {
        DatasetSettings local = SynthLayoutFixture.dataset("rafdb", rafdb);
        IllegalArgumentException noBucket = assertThrows(IllegalArgumentException.class,
                () -> DescribeJob.run(local.withRoot("s3a://no-such-bucket/RAF-DB"), LIMITS, s3.hadoopConf(), false, 1));
        assertTrue(noBucket.getMessage().contains("s3a://no-such-bucket/RAF-DB")
                && noBucket.getMessage().contains("vlfer.data.datasets.rafdb.root"), noBucket.getMessage());
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class,
                () -> DescribeJob.run(local.withRoot("s3a://" + BUCKET + "/RAF-DB/basic"), LIMITS, s3.hadoopConf("wrong-secret"), false, 1));
        assertTrue(badKey.getMessage().contains("cannot read root s3a://" + BUCKET + "/RAF-DB/basic"), badKey.getMessage());
        assertFalse(badKey.getMessage().contains("wrong-secret"), badKey.getMessage());
    }

    @Test
    void describeCommandPrintsJsonForAnS3Root() throws IOException {
        List<String> args = new ArrayList<>(List.of("datasets", "describe", "--manifest", "rafdb.conf",
                "--root", "s3a://" + BUCKET + "/RAF-DB/basic", "--json"));
        for (String o : s3.sparkConfOverrides(S3ProxyServer.SECRET_KEY)) {
            args.add("--set");
            args.add(o);
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String json = r.out();
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("s3a://" + BUCKET + "/RAF-DB/basic", root.get("root").asText());
        assertEquals(7 * SynthLayoutFixture.TRAIN_PER_CLASS - 1, root.get("splits").get(0).get("samples").asInt());
        assertEquals(1, root.get("splits").get(0).get("rejectsByReason").get("missing-image").asInt());
        assertFalse(json.contains(S3ProxyServer.SECRET_KEY));
    }

    @Test
    void trainsFromAndWritesToTheBucketWithCredentialsKeptOutOfTheDump() throws IOException {
        List<String> overrides = new ArrayList<>(List.of("vlfer.run-id=s3-run",
                "vlfer.output.dir=\"s3a://" + BUCKET + "/runs\"",
                "vlfer.data.datasets.synthetic.root=\"s3a://" + BUCKET + "/RAF-DB/basic\"",
                "vlfer.data.max-reject-fraction=0.2",
                "vlfer.train.epochs=1", "vlfer.train.warmup-epochs=0", "vlfer.output.predictions=false"));
        overrides.addAll(s3.sparkConfOverrides(S3ProxyServer.SECRET_KEY));
        LoadedSettings loaded = TestRuns.settings(work, overrides.toArray(String[]::new));
        assertFalse(loaded.maskedDump().contains(S3ProxyServer.SECRET_KEY));
        SparkSession spark = LocalSpark.start(2);
        RunSummary run;
        try {
            run = TrainJob.run(loaded, false);
        } finally {
            spark.stop();
        }
        SplitResult test = run.result("synthetic", "test");
        assertEquals(7L * SynthLayoutFixture.TEST_PER_CLASS, test.metrics().samples());
        assertEquals(1, run.epochsTrained());
        Path runFolder = s3.baseDir().resolve(BUCKET).resolve("runs/runs/s3-run");
        String dump = Files.readString(runFolder.resolve("resolved.conf"));
        assertTrue(dump.contains("fs.s3a.endpoint"), dump);
        assertFalse(dump.contains(S3ProxyServer.SECRET_KEY), dump);
        String rejects = Files.readString(runFolder.resolve("rejects/synthetic-train.tsv"));
        for (String reason : List.of("\tunknown-label\t", "\tmissing-image\t", "\tcorrupt-image\t")) {
            assertTrue(rejects.contains(reason), rejects);
        }
    }
}
