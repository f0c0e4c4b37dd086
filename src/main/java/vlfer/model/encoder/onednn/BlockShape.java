package vlfer.model.encoder.onednn;

import java.util.List;

/** What a fused layer's shape says: its output maps and its parameters. */
public interface BlockShape {
    int outChannels();

    int outHeight();

    int outWidth();

    List<ParamSpec> params();
}
