package vlfer.data.synth.layout;

import java.nio.file.Path;
import java.util.List;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/** Writes synthetic faces in one real dataset layout, so that the real reader is what reads them. */
public interface SynthLayout {
    /** The reader format these files are for. */
    String format();

    LabelVocabulary vocabulary();

    /** Planned splits: the first gets train-per-class faces, the others test-per-class. */
    List<String> splits();

    void write(Path root, List<SynthFace> faces, SynthCanvas canvas);
}
