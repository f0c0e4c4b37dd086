package vlfer.data.synth.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import vlfer.data.LabelVocabulary;
import vlfer.data.affectnet.AffectNetNpyReader;
import vlfer.data.labels.LabelMaps;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/** AffectNet's newer release: {@code train_set/images/<id>.jpg} + {@code annotations/<id>_exp.npy} (a '<U1' string). */
public final class AffectNetNpyLayout implements SynthLayout {
    @Override
    public String format() {
        return "affectnet-npy";
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_8;
    }

    @Override
    public List<String> splits() {
        return List.of("train", "val");
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        SynthCanvas.forEach(faces, "faces", f -> {
            Path dir = root.resolve(AffectNetNpyReader.folder(f.split()));
            SynthCanvas.writeJpeg(canvas.still(f), dir.resolve("images/" + f.index() + ".jpg"));
            SynthCanvas.writeBytes(dir.resolve("annotations/" + f.index() + AffectNetNpyReader.SUFFIX),
                    npyString(LabelMaps.AFFECTNET.tokenOf(f.written())));
        });
        SynthCanvas.writeText(root.resolve("facial_actions.tsv"),
                SynthCanvas.actionsTable(faces, f -> AffectNetNpyReader.folder(f.split()) + "/" + f.index()));
    }

    /** A NumPy 1.0 .npy file holding one unicode string scalar, as {@code np.save(path, np.array("3"))} writes. */
    public static byte[] npyString(String value) {
        String header = "{'descr': '<U" + value.length() + "', 'fortran_order': False, 'shape': (), }";
        int unpadded = 10 + header.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * value.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        value.codePoints().forEach(b::putInt);
        return b.array();
    }
}
