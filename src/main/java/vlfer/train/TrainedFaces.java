package vlfer.train;

import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import vlfer.data.EpochPlan;
import vlfer.data.FaceSample;

/**
 * The faces an epoch really fitted, as positions of its plan: each at most once (a second fit of
 * one face is an error, see {@link #add}).
 */
public final class TrainedFaces {
    private final EpochPlan plan;
    private final BitSet fitted = new BitSet();

    TrainedFaces(EpochPlan plan) {
        this.plan = plan;
    }

    void add(int[] positions) {
        for (int p : positions) {
            if (fitted.get(p)) {
                throw new IllegalStateException("epoch " + (plan.epoch() + 1) + ": face " + plan.at(p).id()
                        + " (position " + p + ") was fitted twice");
            }
            fitted.set(p);
        }
    }

    public long count() {
        return fitted.cardinality();
    }

    public int planned() {
        return plan.faces();
    }

    /** The sample ids fitted, in plan order. */
    public List<String> ids() {
        return fitted.stream().mapToObj(plan::at).map(FaceSample::id).collect(Collectors.toList());
    }
}
