package vlfer.data.affectnet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FileListing;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMaps;
import vlfer.data.source.ImageFile;

/**
 * AffectNet's newer release: {@code train_set/} and {@code val_set/}, each with
 * {@code images/<id>.jpg} (already cropped faces) and {@code annotations/<id>_exp.npy}. The small
 * annotation files are read in parallel, since on S3 each is one request.
 */
public final class AffectNetNpyReader implements DatasetReader {
    public static final String SUFFIX = "_exp.npy";
    private static final Map<String, String> FOLDERS = Map.of("train", "train_set", "val", "val_set");
    private static final int READ_THREADS = 16;

    private static final FormatInfo INFO = FormatInfo.still("affectnet-npy", List.of("train", "val"),
            LabelVocabulary.BASIC_8, LabelMaps.AFFECTNET);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    public static String folder(String split) {
        return FOLDERS.get(split);
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        String root = files.root(ds);
        String dir = DataFiles.resolve(root, folder(split));
        String annotationDir = DataFiles.resolve(dir, "annotations");
        FileListing imageListing = files.listFiles(ds, DataFiles.resolve(dir, "images"), "image folder");
        ReaderSupport.rejectRefused(rows, imageListing);
        List<String> images = imageListing.files();
        FileListing annotationListing = files.listFiles(ds, annotationDir, "annotation folder");
        ReaderSupport.rejectRefused(rows, annotationListing);
        Set<String> annotations = annotationListing.asSet();
        List<String> ids = new ArrayList<>();
        for (String image : images) {
            if (image.contains("/") || !ReaderSupport.isImageFile(image)) {
                rows.reject(dir + "/images/" + image, 0, "not-an-image", "expected images/<id>.jpg");
                continue;
            }
            String id = ReaderSupport.stem(image);
            if (!annotations.contains(id + SUFFIX)) {
                rows.reject(dir + "/images/" + image, 0, "missing-annotation", "no annotations/" + id + SUFFIX);
                continue;
            }
            ids.add(image);
        }
        Set<String> imageIds = new java.util.HashSet<>();
        images.forEach(i -> imageIds.add(ReaderSupport.stem(i)));
        for (String a : annotations) {
            if (a.endsWith(SUFFIX) && !imageIds.contains(a.substring(0, a.length() - SUFFIX.length()))) {
                rows.reject(annotationDir + "/" + a, 0, "missing-image", "no images/" + a.replace(SUFFIX, ".jpg"));
            }
        }
        List<String> labels = readAnnotations(files, annotationDir, ids);
        for (int i = 0; i < ids.size(); i++) {
            String image = ids.get(i);
            String id = ReaderSupport.stem(image);
            String npy = annotationDir + "/" + id + SUFFIX;
            String label = labels.get(i);
            if (label.startsWith("!")) {
                rows.reject(npy, 0, "bad-annotation", label.substring(1));
                continue;
            }
            rows.add(id, label, new ImageFile(dir + "/images/" + image), npy, 0);
        }
        return rows.build(dir);
    }

    /** The expression token of each image's annotation, or "!reason" when it cannot be read. */
    private static List<String> readAnnotations(DataFiles files, String annotationDir, List<String> images) {
        ExecutorService pool = Executors.newFixedThreadPool(READ_THREADS, r -> {
            Thread t = new Thread(r, "affectnet-annotations");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> futures = new ArrayList<>(images.size());
            for (String image : images) {
                String npy = annotationDir + "/" + ReaderSupport.stem(image) + SUFFIX;
                futures.add(pool.submit(() -> {
                    try {
                        return NpyScalar.read(files.readBytes(npy)).trim();
                    } catch (IOException | IllegalArgumentException e) {
                        return "!" + e.getMessage();
                    }
                }));
            }
            List<String> out = new ArrayList<>(images.size());
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading annotations under " + annotationDir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read annotations under " + annotationDir + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
