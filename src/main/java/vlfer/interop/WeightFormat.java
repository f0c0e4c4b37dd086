package vlfer.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vlfer.interop.djl.TorchScriptReader;
import vlfer.interop.npz.StateDict;

/** The files {@code vlfer.model.weights} may name, told apart by extension, each with its reader. */
public enum WeightFormat {
    NPZ("a PyTorch state dict saved with numpy.savez", List.of(".npz"), StateDict::read),
    TORCHSCRIPT("a TorchScript archive (torch.jit.save; OpenAI's CLIP checkpoints)", List.of(".pt", ".pth", ".ts", ".jit"),
            TorchScriptReader::read);

    @FunctionalInterface
    private interface Reader {
        StateDict read(Path local, String source) throws IOException;
    }

    private final String description;
    private final List<String> extensions;
    private final Reader reader;

    WeightFormat(String description, List<String> extensions, Reader reader) {
        this.description = description;
        this.extensions = extensions;
        this.reader = reader;
    }

    /** The format of {@code file} (a path or URI) by its extension, or an error listing the known ones. */
    public static WeightFormat of(String file) {
        for (WeightFormat f : values()) {
            if (f.extensionOf(file) != null) {
                return f;
            }
        }
        throw new IllegalArgumentException(file + " has none of the known extensions: " + Stream.of(values())
                .map(f -> String.join(" ", f.extensions) + " (" + f.description + ")").collect(Collectors.joining(", ")));
    }

    /** The extension of {@code file} this format matched (e.g. for a temporary copy's name). */
    public String extension(String file) {
        String e = extensionOf(file);
        if (e == null) {
            throw new IllegalArgumentException(file + " is not " + description);
        }
        return e;
    }

    /** Reads the local file {@code local}, naming it {@code source} in errors (e.g. the s3a:// path it came from). */
    public StateDict read(Path local, String source) throws IOException {
        return reader.read(local, source);
    }

    private String extensionOf(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(lower::endsWith).findFirst().orElse(null);
    }
}
