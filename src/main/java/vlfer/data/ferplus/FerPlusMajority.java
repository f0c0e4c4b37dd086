package vlfer.data.ferplus;

import java.util.List;

/**
 * FERPlus's majority rule: vote counts of one or less are zeroed (a single tagger is noise), and
 * the arg-max wins only if it holds more than half of the remaining votes.
 */
public final class FerPlusMajority {
    /** The ten vote columns of fer2013new.csv, in file order. */
    public static final List<String> COLUMNS = List.of(
            "neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt", "unknown", "NF");

    private FerPlusMajority() {
    }

    /** The winning column index, or -1 when no column holds a strict majority. */
    public static int winner(int[] votes) {
        int sum = 0;
        int best = -1;
        int bestVotes = 0;
        for (int i = 0; i < votes.length; i++) {
            int v = votes[i] <= 1 ? 0 : votes[i];
            sum += v;
            if (v > bestVotes) {
                bestVotes = v;
                best = i;
            }
        }
        return best >= 0 && 2 * bestVotes > sum ? best : -1;
    }
}
