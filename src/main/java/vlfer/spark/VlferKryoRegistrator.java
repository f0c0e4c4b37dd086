package vlfer.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;
import vlfer.data.FaceSample;
import vlfer.data.PlannedBatch;
import vlfer.data.TrainingLabels;
import vlfer.data.image.DecodedBatch;
import vlfer.eval.Prediction;
import vlfer.train.NetworkState;
import vlfer.train.RoundSum;
import vlfer.train.WorkerShard;

/**
 * Registers the records (and the round sum) that travel inside RDDs and broadcasts. Spark's Kryo 4 cannot build its field serializer
 * for Java records (it needs Unsafe field offsets, which records refuse), so they go through Java
 * serialisation. Listed after ND4J's registrator in {@code spark.kryo.registrator}.
 */
public final class VlferKryoRegistrator implements KryoRegistrator {
    static final List<Class<?>> RECORDS = List.of(FaceSample.class, Prediction.class, TrainingLabels.OneHot.class,
            TrainingLabels.Vectors.class, PlannedBatch.class, WorkerShard.class, NetworkState.class, RoundSum.class,
            DecodedBatch.Failure.class);

    @Override
    public void registerClasses(Kryo kryo) {
        for (Class<?> c : RECORDS) {
            kryo.register(c, new JavaSerializer());
        }
    }
}
