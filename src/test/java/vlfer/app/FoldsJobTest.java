package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/** k-fold means: every fold trained and evaluated as its own run, then mean and std rows; finished folds are skipped. */
@ExtendWith(LocalSparkExtension.class)
class FoldsJobTest {
    @TempDir
    static Path work;

    @Test
    void foldsAreTrainedOnceAndAveraged() {
        List<String> overrides = List.of("vlfer.output.dir=\"" + work.resolve("out") + "\"",
                "vlfer.synth.dir=\"" + work.resolve("dfew") + "\"", "vlfer.synth.layout=dfew", "vlfer.synth.train-per-class=4",
                "vlfer.synth.test-per-class=2", "vlfer.train.epochs=1", "vlfer.model.encoder=small-cnn",
                "vlfer.model.input-size=32", "vlfer.data.datasets.synthetic.segments=2", "vlfer.run-id=kfold");
        TestData.synthesize(TestRuns.settings(work, overrides.toArray(String[]::new)).settings());
        List<RunSummary> first = FoldsJob.run(null, overrides, List.of(1, 2));
        assertEquals(List.of("kfold-fold1", "kfold-fold2"), first.stream().map(RunSummary::runId).toList());
        List<Row> rows = SparkSession.active().read().parquet(first.get(0).metricsTable()).where("run_id = 'kfold'").collectAsList();
        assertEquals(3 * 2, rows.size(), "war, uar, macro_f1 and their std for synthetic/test");
        double war1 = first.get(0).result("synthetic", "test").metrics().war();
        double war2 = first.get(1).result("synthetic", "test").metrics().war();
        Row mean = rows.stream().filter(r -> r.getString(r.fieldIndex("metric")).equals("war")).findFirst().orElseThrow();
        assertEquals((war1 + war2) / 2, mean.getDouble(mean.fieldIndex("value")), 1e-12);
        assertEquals("last-epoch-mean-of-2-folds", mean.getString(mean.fieldIndex("protocol")));
        assertEquals("test", mean.getString(mean.fieldIndex("split")));
        Row std = rows.stream().filter(r -> r.getString(r.fieldIndex("metric")).equals("war_std")).findFirst().orElseThrow();
        assertEquals(Math.abs(war1 - war2) / Math.sqrt(2), std.getDouble(std.fieldIndex("value")), 1e-12);

        List<RunSummary> again = FoldsJob.run(null, overrides, List.of(1, 2));
        assertTrue(again.isEmpty(), "finished folds are not trained again");
        assertEquals(6, SparkSession.active().read().parquet(first.get(0).metricsTable()).where("run_id = 'kfold'").count());

        assertEquals(List.of(1, 2, 3, 5), FoldsJob.parse("1-3,5"));
        assertThrows(CliArgs.UsageException.class, () -> FoldsJob.parse("0-2"));
    }
}
