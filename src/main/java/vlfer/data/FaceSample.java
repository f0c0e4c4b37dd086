package vlfer.data;

import java.io.Serializable;

/**
 * One labelled face as a reader found it: where its image is (a local path or a Hadoop URI such
 * as s3a://...) and its class index in the dataset's {@link LabelVocabulary}.
 */
public record FaceSample(String dataset, String split, String id, String imagePath, int label) implements Serializable {
}
