"""Golden tensors for vlfer's state-dict import (vlfer.interop.npz, vlfer.interop.djl).

Builds tiny random-weight models in PyTorch with the exact state-dict layouts vlfer imports
(torchvision's ResNet-18 and Swin-T classes, and the image tower of OpenAI CLIP's
VisionTransformer), saves their
state dicts as .npz, the same models as TorchScript archives (.pt, float32, traced), a seeded input
batch and the forward output of each, so the Java tests can check the DL4J port without torch.

Run with Debian's python3-torch (1.13) and python3-torchvision (0.14):
    /usr/bin/python3 src/test/python/golden_tensors.py src/test/resources/vlfer/interop/npz
The .npz and .npy files come out byte-identical on every run; the .pt files carry TorchScript's
debug information (this script's path and line numbers), so their bytes change when the script is
edited or run from another folder, their tensors do not.
"""
import copy
import math
import sys
from collections import OrderedDict

import numpy as np
import torch
from torch import nn
from torchvision.models.swin_transformer import SwinTransformer


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + (x if self.downsample is None else self.downsample(x)))


class ResNet18(nn.Module):
    """torchvision.models.resnet18's module names, with a configurable base width."""

    def __init__(self, base, classes):
        super().__init__()
        widths = [base, base * 2, base * 4, base * 8]
        self.conv1 = nn.Conv2d(3, base, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(base)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        cin = base
        for i, w in enumerate(widths):
            stride = 1 if i == 0 else 2
            setattr(self, "layer%d" % (i + 1), nn.Sequential(BasicBlock(cin, w, stride), BasicBlock(w, w, 1)))
            cin = w
        self.fc = nn.Linear(cin, classes)

    def features(self, x):
        x = self.maxpool(torch.relu(self.bn1(self.conv1(x))))
        for i in range(4):
            x = getattr(self, "layer%d" % (i + 1))(x)
        return x.mean(dim=(2, 3))


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(width, width * 4)), ("gelu", QuickGELU()), ("c_proj", nn.Linear(width * 4, width))]))
        self.ln_2 = nn.LayerNorm(width)

    def forward(self, x):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads):
        super().__init__()
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads) for _ in range(layers)])


class VisionTransformer(nn.Module):
    """OpenAI CLIP's image tower (model.visual): the same parameter names and computation."""

    def __init__(self, size, patch, width, layers, heads, output_dim):
        super().__init__()
        scale = width ** -0.5
        self.conv1 = nn.Conv2d(3, width, patch, patch, bias=False)
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((size // patch) ** 2 + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, layers, heads)
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x):
        x = self.conv1(x).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x).permute(1, 0, 2)  # tokens first, as CLIP
        x = self.transformer.resblocks(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


class ClipImageOnly(nn.Module):
    """The shape of an OpenAI CLIP TorchScript archive (ViT-B-16.pt) as far as the image tower goes:
    the tower under "visual." next to a scalar logit_scale (the text tower is left out)."""

    def __init__(self, visual):
        super().__init__()
        self.visual = visual
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07), dtype=torch.float64))

    def forward(self, x):
        return self.visual(x)


class TensorKinds(nn.Module):
    """What a TorchScript reader meets besides plain float32 weights: float16 (OpenAI's CLIP archives),
    float64, a strided (transposed) parameter, a scalar, an integer parameter and a buffer."""

    def __init__(self, gen):
        super().__init__()
        self.w_half = nn.Parameter(torch.randn(2, 3, generator=gen).half())
        self.w_double = nn.Parameter(torch.randn(4, generator=gen, dtype=torch.float64))
        self.strided = nn.Parameter(torch.randn(3, 5, generator=gen).t())
        self.scale = nn.Parameter(torch.tensor(2.5))
        self.steps = nn.Parameter(torch.arange(3), requires_grad=False)
        self.register_buffer("stat", torch.randn(3, generator=gen))

    def forward(self, x):
        return x * self.scale + self.stat


def randomise(model, gen):
    """Non-trivial values everywhere, batch-norm running statistics and layer-norm affines included."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * (0.5 / max(1, p[0].numel()) ** 0.5 if p.dim() > 1 else 0.2))
            if "ln_" in name and name.endswith("weight"):
                p.add_(1.0)  # layer-norm gains around 1
        for name, b in model.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.randn(b.shape, generator=gen) * 0.1)
            elif name.endswith("running_var"):
                b.copy_(torch.rand(b.shape, generator=gen) * 0.5 + 0.75)


def swin_features(model, x):
    """torchvision's SwinTransformer.forward without the classifier head: the 8C-wide feature."""
    return model.flatten(model.avgpool(model.permute(model.norm(model.features(x)))))


def randomise_layer_norms(model):
    """Layer-norm gains around 1 (randomise() leaves them around 0 unless the name says ln_)."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.LayerNorm):
                m.weight.add_(1.0)


def save_torchscript(out, name, model, method, x):
    """Traced in float32, as users' files are; tracing keeps every parameter and buffer of the module."""
    model = copy.deepcopy(model).float().eval()
    traced = torch.jit.trace_module(model, {method: x.float()})
    traced.save(f"{out}/{name}.pt")


def save(out, name, model, state_prefix, x, y):
    state = {state_prefix + k: v.detach().numpy().astype(np.float32) if v.is_floating_point() else v.numpy()
             for k, v in model.state_dict().items()}
    np.savez(f"{out}/{name}.npz", **state)
    print(name, "params", sum(v.size for v in state.values()))
    if x is not None:
        save_pair(out, name, x, y)


def save_pair(out, name, x, y):
    np.save(f"{out}/{name}-input.npy", x.numpy().astype(np.float32))
    np.save(f"{out}/{name}-output.npy", y.detach().numpy().astype(np.float32))
    print(name, "input", tuple(x.shape), "output", tuple(y.shape), "first", [round(float(v), 6) for v in y.flatten()[:4]])


def main(out):
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(20261130)
    # float64 forward, saved as float32: the reference carries no float32 rounding of its own
    resnet = ResNet18(base=8, classes=7).double().eval()
    randomise(resnet, gen)
    x = torch.randn(2, 3, 32, 32, generator=gen, dtype=torch.float64)
    save(out, "resnet18-tiny", resnet, "", x, resnet.features(x))
    save_torchscript(out, "resnet18-tiny", resnet, "features", x)

    vit = VisionTransformer(size=32, patch=8, width=32, layers=2, heads=4, output_dim=16).double().eval()
    randomise(vit, gen)
    x = torch.randn(2, 3, 32, 32, generator=gen, dtype=torch.float64)
    # saved under "visual.", as in a whole CLIP checkpoint, to exercise the prefix setting
    save(out, "vit-tiny", vit, "visual.", x, vit(x))
    save_torchscript(out, "vit-tiny", ClipImageOnly(vit), "forward", x)

    # torchvision's own class, tiny: four stages as Swin-T, window 7. At 112 the last two stages are
    # 7x7 (windows as large as the map: no shift) and 4x4 (padded to 7x7, odd patch merging);
    # at 224 the first three stages shift their windows.
    swin = SwinTransformer(patch_size=[4, 4], embed_dim=16, depths=[2, 2, 2, 2], num_heads=[1, 1, 2, 2],
                           window_size=[7, 7], stochastic_depth_prob=0.0, num_classes=5).double().eval()
    swin_gen = torch.Generator().manual_seed(20261206)
    randomise(swin, swin_gen)
    randomise_layer_norms(swin)
    save(out, "swin-tiny", swin, "", None, None)
    for size in (112, 224):
        x = torch.randn(2, 3, size, size, generator=swin_gen, dtype=torch.float64)
        save_pair(out, "swin-tiny-%d" % size, x, swin_features(swin, x))

    kinds = TensorKinds(torch.Generator().manual_seed(7))
    assert not kinds.strided.is_contiguous()
    torch.jit.script(kinds).save(f"{out}/tensor-kinds.pt")
    # what the reader should give: float32, C order, scalars and integers left out
    np.savez(f"{out}/tensor-kinds-expected.npz",
             **{k: np.ascontiguousarray(v.detach().float().numpy()) for k, v in kinds.named_parameters() if v.dim() > 0
                and v.is_floating_point()})


if __name__ == "__main__":
    main(sys.argv[1])
