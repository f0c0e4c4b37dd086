package vlfer.train;

/** The learning rate of each layer in an epoch, given the schedule's rate for it (methods with stages freeze parts). */
@FunctionalInterface
public interface LayerRates {
    /** Every layer trains at the scheduled rate. */
    LayerRates UNIFORM = (layer, epoch, scheduled) -> scheduled;

    double rate(String layer, int epoch, double scheduled);
}
