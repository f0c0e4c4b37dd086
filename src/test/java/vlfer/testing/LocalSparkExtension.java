package vlfer.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@code @ExtendWith(LocalSparkExtension.class)}: a local[2] session for the test class, stopped after it. */
public final class LocalSparkExtension implements BeforeAllCallback, AfterAllCallback {
    private SparkSession spark;

    @Override
    public void beforeAll(ExtensionContext context) {
        spark = LocalSpark.start(2);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        spark.stop();
    }
}
