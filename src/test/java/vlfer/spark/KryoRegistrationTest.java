package vlfer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;
import vlfer.data.FaceSample;
import vlfer.data.TrainingLabels;
import vlfer.data.source.ImageFile;

/** What travels to the executors survives Spark's Kryo serializer with vlfer's registrations (records go through Java serialisation). */
class KryoRegistrationTest {
    private static <T> T roundTrip(SerializerInstance kryo, T value) {
        ByteBuffer bytes = kryo.serialize(value, ClassTag$.MODULE$.apply(Object.class));
        return kryo.deserialize(bytes, ClassTag$.MODULE$.apply(Object.class));
    }

    @Test
    void recordsAndTrainingLabelsSurviveKryo() {
        SerializerInstance kryo = new KryoSerializer(new SparkConf()
                .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator," + VlferKryoRegistrator.class.getName()))
                .newInstance();
        List<FaceSample> batch = List.of(new FaceSample("d", "train", "a", 2, new ImageFile("x/a.jpg")),
                new FaceSample("d", "train", "b", 0, new ImageFile("x/b.jpg")));
        assertEquals(batch.get(0), roundTrip(kryo, batch.get(0)));

        TrainingLabels oneHot = TrainingLabels.oneHot(3);
        assertEquals(oneHot.of(batch), roundTrip(kryo, oneHot).of(batch));
        TrainingLabels vectors = TrainingLabels.vectors(Map.of("a", new float[] {1, 2}, "b", new float[] {3, 4}), 2);
        assertEquals(vectors.of(batch), roundTrip(kryo, vectors).of(batch));
    }
}
