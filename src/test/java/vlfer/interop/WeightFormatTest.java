package vlfer.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightFormatTest {
    @Test
    void theExtensionPicksTheReader() {
        assertEquals(WeightFormat.NPZ, WeightFormat.of("w/resnet18.npz"));
        assertEquals(WeightFormat.NPZ, WeightFormat.of("s3a://bucket/W.NPZ"));
        for (String f : new String[] {"ViT-B-16.pt", "s3a://b/m.pth", "m.ts", "file:///tmp/m.JIT"}) {
            assertEquals(WeightFormat.TORCHSCRIPT, WeightFormat.of(f), f);
        }
        assertEquals(".pth", WeightFormat.TORCHSCRIPT.extension("s3a://b/m.pth"));
    }

    @Test
    void anUnknownExtensionListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightFormat.of("model.safetensors"));
        assertTrue(e.getMessage().startsWith("model.safetensors has none of the known extensions: .npz (a PyTorch state "
                + "dict saved with numpy.savez), .pt .pth .ts .jit (a TorchScript archive"), e.getMessage());
    }
}
