package vlfer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vlfer.config.DatasetSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;

/**
 * Before any training: the training split must hold at least two classes, and every class that an
 * evaluated split (of the same class set) holds. A run that would learn nothing of a class it is
 * scored on stops here, unless {@code vlfer.data.allow-missing-classes} says otherwise.
 */
final class ClassCoverage {
    private static final String ALLOW = "vlfer.data.allow-missing-classes";

    private ClassCoverage() {
    }

    static void check(VlferSettings s, DatasetSplit train, DataFiles files) {
        if (s.data().allowMissingClasses()) {
            return;
        }
        Set<String> trained = present(train);
        if (trained.size() < 2) {
            throw new IllegalArgumentException("dataset '" + train.dataset() + "' split '" + train.split() + "' has faces of "
                    + trained.size() + " class" + (trained.size() == 1 ? " " + trained : "es") + " only; a classifier needs at"
                    + " least two (set " + ALLOW + " = true to train anyway)");
        }
        List<String> missing = new ArrayList<>();
        for (DatasetSettings ds : s.data().evalDatasets()) {
            for (String split : ds.evalSplits()) {
                DatasetSplit eval = DatasetFormats.reader(ds.format()).read(ds, split, files);
                if (!eval.labelled() || !eval.vocabulary().equals(train.vocabulary())) {
                    continue; // unlabelled, or another class set: the evaluation stage says so
                }
                Set<String> absent = present(eval);
                absent.removeAll(trained);
                if (!absent.isEmpty()) {
                    missing.add(ds.name() + "/" + split + " has " + absent);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the training split " + train.dataset() + "/" + train.split() + " has no faces of"
                    + " classes that evaluated splits hold: " + String.join("; ", missing) + " (set " + ALLOW
                    + " = true to train anyway)");
        }
    }

    private static Set<String> present(DatasetSplit split) {
        Set<String> out = new TreeSet<>();
        for (FaceSample f : split.samples()) {
            out.add(split.vocabulary().get(f.label()).noun());
        }
        return out;
    }
}
