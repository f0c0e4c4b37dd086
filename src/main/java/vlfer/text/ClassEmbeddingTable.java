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
    private final float[][] matrix;
    private final String encoderName;
    private final String hash;

    public ClassEmbeddingTable(LabelVocabulary vocabulary, List<String> prompts, float[][] matrix, String encoderName) {
        if (prompts.size() != vocabulary.size() || matrix.length != vocabulary.size()) {
            throw new IllegalArgumentException("need one prompt and one row per class: " + vocabulary.size()
                    + " classes, " + prompts.size() + " prompts, " + matrix.length + " rows");
        }
        this.vocabulary = vocabulary;
        this.prompts = List.copyOf(prompts);
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

    /** The table of a method that uses no text: the classes only (no prompts, zero-width rows, encoder "none"). */
    public static ClassEmbeddingTable none(LabelVocabulary vocabulary) {
        List<String> empty = java.util.Collections.nCopies(vocabulary.size(), "");
        return new ClassEmbeddingTable(vocabulary, empty, new float[vocabulary.size()][0], "none");
    }

    /** Encodes {@code prompts} (one per class of {@code vocabulary}). */
    public static ClassEmbeddingTable encode(TextEncoder encoder, LabelVocabulary vocabulary, List<String> prompts) {
        return new ClassEmbeddingTable(vocabulary, prompts, encoder.encode(prompts), encoder.name());
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
