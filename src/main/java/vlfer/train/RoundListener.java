package vlfer.train;

/** Called on the driver after each parameter-averaging round. */
@FunctionalInterface
public interface RoundListener {
    void roundDone(int round, int rounds, double score);
}
