package vlfer.config;

import java.io.Serializable;

/** Where run folders and Parquet tables go. */
public record OutputSettings(String dir, boolean predictions) implements Serializable {
}
