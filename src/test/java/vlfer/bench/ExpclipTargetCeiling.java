package vlfer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthSettings;
import vlfer.data.synth.SyntheticFaceGenerator;
import vlfer.interop.djl.TextEncoders;
import vlfer.text.PromptFamily;
import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderRegistry;
import vlfer.testing.PromptLogitsReference;

/**
 * Not a test: the ceiling of expclip's zero-shot accuracy on the synthetic faces. expclip learns a
 * projection onto each face's target, the text encoder's embedding of the face's facial-action
 * description; if the projection hit every target exactly, zero-shot classification would score
 * what classifying the targets themselves against the class prompts scores. This prints that,
 * per text encoder and prompt family, with each class's share of the predictions.
 * Args: text encoder names (default: all-minilm-l6-v2 bge-small-en-v1.5); -Dbench.faces=40 training faces per class.
 */
public final class ExpclipTargetCeiling {
    public static void main(String[] args) throws IOException {
        int perClass = Integer.getInteger("bench.faces", 40);
        List<String> encoders = args.length > 0 ? List.of(args) : List.of("all-minilm-l6-v2", "bge-small-en-v1.5");
        vlfer.app.QuietStdout.install();
        Path dir = Files.createTempDirectory("vlfer-expclip-ceiling");
        SynthSettings synth = new SynthSettings(2024, perClass, 1, 64, 0, 0.3, 1.0, 8, 0.1, 0.3, 0.1, 3, 0.1,
                LabelVocabulary.BASIC_7);
        new SyntheticFaceGenerator(synth).write(dir, "rafdb");
        List<String> descriptions = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            Path tsv = files.filter(p -> p.endsWith("facial_actions.tsv")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(tsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t");
                descriptions.add(cols[4]);
                labels.add(LabelVocabulary.BASIC_7.classes().indexOf(Expression.fromNoun(cols[1])));
            }
        }
        System.out.printf(Locale.ROOT, "%d faces, 7 classes (chance 14.29%%); the targets classified by the prompts:%n",
                descriptions.size());
        System.out.printf(Locale.ROOT, "%-20s %-14s %9s   %s%n", "text encoder", "prompts", "accuracy",
                "share of predictions per class " + LabelVocabulary.BASIC_7.classes());
        for (String name : encoders) {
            try (TextEncoder text = TextEncoders.open(TextEncoderRegistry.get(name))) {
                float[][] targets = text.encode(descriptions);
                for (String family : PromptFamily.names()) {
                    List<List<String>> prompts = PromptFamily.named(family).prompts(LabelVocabulary.BASIC_7);
                    List<double[]> promptRows = new ArrayList<>();
                    List<Integer> promptClass = new ArrayList<>();
                    for (int c = 0; c < prompts.size(); c++) {
                        for (float[] t : text.encode(prompts.get(c))) {
                            promptRows.add(toDouble(t));
                            promptClass.add(c);
                        }
                    }
                    double[][] rows = promptRows.toArray(double[][]::new);
                    int[] classes = promptClass.stream().mapToInt(Integer::intValue).toArray();
                    int correct = 0;
                    int[] predicted = new int[prompts.size()];
                    for (int i = 0; i < targets.length; i++) {
                        int best = argmax(PromptLogitsReference.classLogits(toDouble(targets[i]), rows, classes,
                                prompts.size(), 1));
                        predicted[best]++;
                        correct += best == labels.get(i) ? 1 : 0;
                    }
                    StringBuilder shares = new StringBuilder();
                    for (int n : predicted) {
                        shares.append(String.format(Locale.ROOT, " %3.0f%%", 100.0 * n / targets.length));
                    }
                    System.out.printf(Locale.ROOT, "%-20s %-14s %8.2f%%  %s%n", name, family, 100.0 * correct / targets.length,
                            shares);
                }
            }
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
