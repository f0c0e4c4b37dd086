package vlfer.text;

import java.util.List;

/** A frozen sentence encoder: texts in, L2-normalised embedding rows out. Holds native resources. */
public interface TextEncoder extends AutoCloseable {
    String name();

    int dimension();

    /** One L2-normalised row per text, independent of the other texts in the call. */
    float[][] encode(List<String> texts);

    @Override
    void close();
}
