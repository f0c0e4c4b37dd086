package vlfer.text;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vlfer.data.LabelVocabulary;

/**
 * The C x D matrix of class text embeddings (row c = class c of the vocabulary), computed once on
 * the driver, with the prompts and encoder that made it and a SHA-256 content hash that every
 * model and metrics row records.
 */
public final class ClassEmbeddingTable implements Serializable {
    private final LabelVocabulary vocabulary;
    private final List<String> prompts;
    private final int[] promptClass;
    private final float[][] matrix;
    private final String encoderName;
    private final String hash;

    /** One prompt (row) per class of {@code vocabulary}, in its order. */
    public ClassEmbeddingTable(LabelVocabulary vocabulary, List<String> prompts, float[][] matrix, String encoderName) {
        this(vocabulary, prompts, identity(vocabulary.size()), matrix, encoderName);
    }

    /** Any number of prompts (rows) per class: row r embeds {@code prompts.get(r)}, a prompt of class {@code promptClass[r]}. */
    public ClassEmbeddingTable(LabelVocabulary vocabulary, List<String> prompts, int[] promptClass, float[][] matrix,
                               String encoderName) {
        if (prompts.size() != matrix.length || promptClass.length != matrix.length) {
            throw new IllegalArgumentException("need one prompt and one class per row: " + matrix.length + " rows, "
                    + prompts.size() + " prompts, " + promptClass.length + " classes");
        }
        boolean[] seen = new boolean[vocabulary.size()];
        for (int c : promptClass) {
            if (c < 0 || c >= vocabulary.size()) {
                throw new IllegalArgumentException("prompt class " + c + " outside the " + vocabulary.size() + " classes");
            }
            seen[c] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("class " + vocabulary.get(c).noun() + " has no prompt");
            }
        }
        this.vocabulary = vocabulary;
        this.prompts = List.copyOf(prompts);
        this.promptClass = promptClass.clone();
        this.matrix = new float[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != matrix[0].length) {
                throw new IllegalArgumentException("ragged embedding matrix at row " + i);
            }
            this.matrix[i] = matrix[i].clone();
        }
        this.encoderName = encoderName;
        this.hash = computeHash();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The table of a method that uses no text: the classes only (no prompts, zero-width rows, encoder "none"). */
    public static ClassEmbeddingTable none(LabelVocabulary vocabulary) {
        List<String> empty = java.util.Collections.nCopies(vocabulary.size(), "");
        return new ClassEmbeddingTable(vocabulary, empty, new float[vocabulary.size()][0], "none");
    }

    /** Encodes {@code prompts} (one per class of {@code vocabulary}). */
    public static ClassEmbeddingTable encode(TextEncoder encoder, LabelVocabulary vocabulary, List<String> prompts) {
        return new ClassEmbeddingTable(vocabulary, prompts, encoder.encode(prompts), encoder.name());
    }

    /** Encodes {@code perClass.get(c)}, the prompts of class c, into one table of all prompts. */
    public static ClassEmbeddingTable encodeEnsemble(TextEncoder encoder, LabelVocabulary vocabulary, List<List<String>> perClass) {
        if (perClass.stream().allMatch(l -> l.size() == 1)) {
            return encode(encoder, vocabulary, perClass.stream().map(l -> l.get(0)).toList());
        }
        List<String> all = new java.util.ArrayList<>();
        List<Integer> classes = new java.util.ArrayList<>();
        for (int c = 0; c < perClass.size(); c++) {
            for (String p : perClass.get(c)) {
                all.add(p);
                classes.add(c);
            }
        }
        return new ClassEmbeddingTable(vocabulary, all, classes.stream().mapToInt(Integer::intValue).toArray(),
                encoder.encode(all), encoder.name());
    }

    /** True when row c is the one prompt of class c. */
    public boolean onePerClass() {
        if (promptClass.length != vocabulary.size()) {
            return false;
        }
        for (int i = 0; i < promptClass.length; i++) {
            if (promptClass[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The class of row {@code r}. */
    public int classOf(int r) {
        return promptClass[r];
    }

    /** The class of every row, in row order. */
    public int[] promptClasses() {
        int[] out = new int[rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = classOf(r);
        }
        return out;
    }

    public LabelVocabulary vocabulary() {
        return vocabulary;
    }

    public List<String> prompts() {
        return prompts;
    }

    public String encoderName() {
        return encoderName;
    }

    /** Hex SHA-256 over the encoder name, the prompts and the matrix (little-endian floats). */
    public String hash() {
        return hash;
    }

    public int rows() {
        return matrix.length;
    }

    public int dimension() {
        return matrix[0].length;
    }

    public float[] row(int c) {
        return matrix[c].clone();
    }

    public double[][] toDoubleMatrix() {
        double[][] out = new double[matrix.length][matrix[0].length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[i].length; j++) {
                out[i][j] = matrix[i][j];
            }
        }
        return out;
    }

    private String computeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(encoderName.getBytes(StandardCharsets.UTF_8));
            for (String p : prompts) {
                md.update((byte) 0);
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
            if (!onePerClass()) {
                for (int c : promptClass) {
                    md.update(ByteBuffer.allocate(4).putInt(c).array());
                }
            }
            ByteBuffer buf = ByteBuffer.allocate(4 * matrix[0].length).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : matrix) {
                buf.clear();
                for (float v : row) {
                    buf.putFloat(v);
                }
                md.update(buf.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
