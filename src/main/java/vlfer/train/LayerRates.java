package vlfer.train;

import java.util.function.Function;

/**
 * The learning rate of each layer in an epoch, given the schedule's rate for it (methods with
 * stages freeze parts), and the stage each layer belongs to, for the training history.
 */
@FunctionalInterface
public interface LayerRates {
    /** Every layer trains at the scheduled rate. */
    LayerRates UNIFORM = (layer, epoch, scheduled) -> scheduled;

    double rate(String layer, int epoch, double scheduled);

    /** The part of the network a layer belongs to (one rate per part per epoch); one part unless staged. */
    default String stage(String layer) {
        return "network";
    }

    /** Rates from {@code rates}, layers grouped into parts by {@code stages}. */
    static LayerRates of(LayerRates rates, Function<String, String> stages) {
        return new LayerRates() {
            @Override
            public double rate(String layer, int epoch, double scheduled) {
                return rates.rate(layer, epoch, scheduled);
            }

            @Override
            public String stage(String layer) {
                return stages.apply(layer);
            }
        };
    }
}
