package vlfer.model.encoder;

import java.util.List;

/**
 * Where one tensor of a PyTorch state dict goes in the DL4J graph: state-dict key, DL4J layer and
 * parameter (stored as PyTorch stores it; a vector may fill a [1, n] row). An encoder's list of
 * these is its import layout.
 */
public record TorchParam(String key, String layer, String param) {

    public static TorchParam same(String key, String layer, String param) {
        return new TorchParam(key, layer, param);
    }

    /** {@code nn.Conv2d(bias=False)} named {@code layer}: weight [out, in, kh, kw] as DL4J's W. */
    public static void conv(List<TorchParam> out, String layer) {
        out.add(same(layer + ".weight", layer, "W"));
    }

    /** {@code nn.BatchNorm2d} named {@code layer}: affine parameters and the running statistics. */
    public static void batchNorm(List<TorchParam> out, String layer) {
        out.add(same(layer + ".weight", layer, "gamma"));
        out.add(same(layer + ".bias", layer, "beta"));
        out.add(same(layer + ".running_mean", layer, "mean"));
        out.add(same(layer + ".running_var", layer, "var"));
    }
}
