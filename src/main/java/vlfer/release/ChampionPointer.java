package vlfer.release;

/**
 * {@code <output.dir>/models/<name>/champion.json}: which run's model is the champion of a name,
 * where its promoted copy and card are, where it came from, when it was promoted, and the champion
 * it replaced (null for the first), whose copy stays under {@code versions/}.
 */
public record ChampionPointer(String name, String runId, String model, String card, String source, String promotedAt,
                              String previousRunId, String previousModel) {
}
