package vlfer.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.DataSettings;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.Expression;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.RejectBudget;
import vlfer.data.RejectedRow;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FaceVerifier;
import vlfer.data.labels.LabelMap;

/**
 * {@code vlfer datasets describe} as a callable: reads every split a manifest names with the real
 * reader (local or s3a://, no Spark needed) and counts samples per class, rejects and exclusions
 * by reason. With {@code verifyImages} every image (every frame of every clip) is also decoded.
 */
public final class DescribeJob {
    private static final Logger LOG = LoggerFactory.getLogger(DescribeJob.class);
    private static final int EXAMPLES = 5;

    private DescribeJob() {
    }

    /**
     * @param limits the reject budget and image-size limit a training run would apply
     */
    public static DatasetDescription run(DatasetSettings ds, DataSettings limits, Configuration hadoop, boolean verifyImages,
                                         int threads) {
        DatasetReader reader = DatasetFormats.reader(ds.format());
        DataFiles files = new DataFiles(hadoop);
        LabelVocabulary classes = ReaderSupport.classes(reader, ds);
        LabelMap map = ReaderSupport.labelMap(reader, ds);
        List<DatasetDescription.SplitDescription> splits = new ArrayList<>();
        Map<String, Long> listFileRows = new TreeMap<>();
        long accounted = 0;
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(ds.trainSplit());
        names.addAll(ds.evalSplits());
        for (String split : names) {
            long start = System.nanoTime();
            DatasetSplit data = reader.read(ds, split, files);
            if (verifyImages) {
                data = verify(data, hadoop, threads, limits.maxImagePixels());
            }
            LOG.info("{}/{}: read in {}s", ds.name(), data.summary(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
            List<String> examples = new ArrayList<>();
            Map<String, Integer> perReason = new TreeMap<>();
            for (RejectedRow r : data.rejects()) {
                if (perReason.merge(r.reason(), 1, Integer::sum) <= EXAMPLES) {
                    examples.add(r.reason() + "  " + r.source() + (r.line() > 0 ? ":" + r.line() : "") + "  " + r.detail());
                }
            }
            listFileRows.putAll(data.listFileRows());
            accounted += data.samples().size() + data.rejectCount() + data.excludedCount();
            splits.add(new DatasetDescription.SplitDescription(split, data.samples().size(), data.countsByClass(),
                    new TreeMap<>(data.rejectsByReason()),
                    new TreeMap<>(data.excludedByReason()), examples, verifyImages,
                    RejectBudget.overBudget(ds.name(), split, data.rejectsByReason(), data.samples().size(),
                            limits.maxRejectFraction())));
        }
        return new DatasetDescription(ds.origin(), ds.format(), files.qualify(ds.root()), reader.video(), ds.fold(),
                map == null ? List.of("unlabelled") : classes.names(), map == null ? "none (unlabelled)" : map.name(),
                mapping(map, classes), splits, new DatasetDescription.Accounting(listFileRows,
                listFileRows.values().stream().mapToLong(Long::longValue).sum(), listFileRows.isEmpty() ? 0 : accounted));
    }

    private static List<DatasetDescription.LabelRow> mapping(LabelMap map, LabelVocabulary classes) {
        List<DatasetDescription.LabelRow> rows = new ArrayList<>();
        if (map == null) {
            return rows;
        }
        for (Map.Entry<String, Expression> e : map.classes().entrySet()) {
            rows.add(new DatasetDescription.LabelRow(e.getKey(), e.getValue().noun(),
                    classes.contains(e.getValue()) ? classes.indexOf(e.getValue()) : -1));
        }
        map.excluded().forEach((token, reason) -> rows.add(new DatasetDescription.LabelRow(token, "excluded: " + reason, -1)));
        return rows;
    }

    /** Decodes every sample (all frames of clips); those that fail move to the rejects. */
    private static DatasetSplit verify(DatasetSplit data, Configuration hadoop, int threads, long maxPixels) {
        FaceVerifier verifier = new FaceVerifier(new FaceImageDecoder(new HadoopConfSnapshot(hadoop), maxPixels));
        ConcurrentLinkedQueue<DecodedBatch.Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        long total = data.samples().size();
        long step = Math.max(1, total / 10);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> data.samples().parallelStream().forEach(s -> {
                DecodedBatch.Failure f = verifier.check(s);
                if (f != null) {
                    failures.add(f);
                }
                long d = done.incrementAndGet();
                if (d % step == 0) {
                    LOG.info("verifying images of {}/{}: {}/{}", data.dataset(), data.split(), d, total);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("verifying images failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        List<FaceSample> failed = new ArrayList<>();
        List<RejectedRow> rows = new ArrayList<>();
        for (DecodedBatch.Failure f : failures) {
            FaceSample s = f.sample();
            failed.add(s);
            rows.add(new RejectedRow(s.dataset(), s.location(), 0, f.reason(), f.detail()));
        }
        return data.withRejected(failed, rows);
    }

}
