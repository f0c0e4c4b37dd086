package vlfer.data;

import java.io.Serializable;

/** A row a reader or decoder could not use, with where it came from and why. */
public record RejectedRow(String dataset, String source, long line, String reason, String detail) implements Serializable {
}
