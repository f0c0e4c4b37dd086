/**
 * vlfer: vision-language facial expression recognition trained with Spark parameter averaging.
 *
 * <p>A training run ({@code app.TrainJob}) is a line of stages over one run context
 * ({@code app.RunContext}: settings, the run's method, Spark, files, run folder); data flows
 * through them as immutable records:
 *
 * <pre>
 *  config.SettingsLoader ── VlferSettings ──▶ app.RunSettings.check: each part reads its own block
 *        │                                     (method, encoder, text, synth, dataset formats)
 *        │                                   ─▶ model.TrainingMethods.create ── TrainingMethod (one per run)
 *        ▼
 *  TrainingSetStage   data.DatasetFormats ─▶ DatasetSplit (samples + counted rejects)
 *                     TrainingMethod.supervise ─▶ Supervision (kept faces, labels, label width)
 *        ▼
 *  NetworkStage       text: prompts ─▶ ClassEmbeddingTable (driver, once, cached)
 *                     model.NetworkFactory: encoder + the method's head (and what each loads: pretrained
 *                     encoder weights, cliper-tok's CLIP text tower) ─▶ ComputationGraph + ModelCard
 *                     (or train.CheckpointStore: the run's last checkpoint)
 *        ▼
 *  TrainingStage      train.EpochLoop, per epoch: data.EpochPlan (shuffle by seed, epoch) ─▶
 *                     AveragingRounds ─▶ per round: broadcast NetworkState, one Spark task per worker
 *                     (data.TrainingBatches decodes each PlannedBatch right before fit) ─▶ RoundSum
 *                     (treeReduce) ─▶ averaged network; checkpoint per epoch; model.zip
 *        ▼
 *  EvaluationStage    eval.SparkEvaluator ─▶ ConfusionCounts (mergeable) ─▶ ClassificationMetrics ─▶
 *                     Parquet metrics and predictions tables
 *        ▼
 *  RunSummary
 * </pre>
 */
package vlfer;
