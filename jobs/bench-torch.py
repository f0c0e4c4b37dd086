#!/usr/bin/env python3
"""PyTorch's side of `jobs/bench.sh training --torch`: training and inference images/s of the same
encoder architectures as vlfer's, on random input, in one process.

Run with Debian's python3-torch (apt-get install python3-torch), as /usr/bin/python3:
    /usr/bin/python3 jobs/bench-torch.py [--batch 32] [--steps 10] [--threads 2] face-api resnet18

Each network is the encoder with a linear 7-class head and cross-entropy, trained by SGD with
momentum 0.9, as vlfer's benchmark trains its encoder; inference runs in eval mode without
gradients. Prints one line per encoder in the same form as TrainingThroughputBench:
    <encoder> <side>x<side> params <n> train <img/s> img/s inference <img/s> img/s
"""
import argparse
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "python"))
from golden_tensors import ResNet18 as GoldenResNet18  # noqa: E402


class Separable(nn.Module):
    """TF's separableConv2d: depthwise 3x3 without bias, then pointwise 1x1 with bias."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.depthwise = nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, 1, 0, bias=True)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))


class DenseBlock(nn.Module):
    """face-api's dense block: out1 = relu(conv0), then three separable convs each fed the ReLU of the sum of all before it."""

    def __init__(self, cin, cout, first):
        super().__init__()
        self.conv0 = nn.Conv2d(cin, cout, 3, 2, 1) if first else Separable(cin, cout, 2)
        self.convs = nn.ModuleList([Separable(cout, cout, 1) for _ in range(3)])

    def forward(self, x):
        outs = [torch.relu(self.conv0(x))]
        nxt = outs[0]
        for conv in self.convs:
            outs.append(conv(nxt))
            nxt = torch.relu(sum(outs))
        return nxt


class FaceApi(nn.Module):
    def __init__(self, classes=7):
        super().__init__()
        widths = [32, 64, 128, 256]
        blocks, cin = [], 3
        for b, w in enumerate(widths):
            blocks.append(DenseBlock(cin, w, b == 0))
            cin = w
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(widths[-1], classes)

    def forward(self, x):
        return self.head(self.blocks(x).mean(dim=(2, 3)))


class ResNet18(GoldenResNet18):
    """torchvision's resnet18 (the golden-tensor script's copy, so that torchvision is not needed) with its fc head."""

    def __init__(self, classes=7):
        super().__init__(64, classes)

    def forward(self, x):
        return self.fc(self.features(x))


ENCODERS = {"face-api": (FaceApi, 112), "resnet18": (ResNet18, 112)}


def measure(name, batch, steps):
    make, side = ENCODERS[name]
    torch.manual_seed(0)
    net = make()
    x = torch.rand(batch, 3, side, side)
    y = torch.arange(batch) % 7
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(net(x), y).backward()
        opt.step()

    def infer():
        with torch.no_grad():
            net(x)

    for _ in range(3):
        net.train()
        step()
        net.eval()
        infer()
    net.train()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    train = steps * batch / (time.perf_counter() - t0)
    net.eval()
    t0 = time.perf_counter()
    for _ in range(steps):
        infer()
    inference = steps * batch / (time.perf_counter() - t0)
    params = sum(p.numel() for p in net.parameters())
    return side, params, train, inference


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("encoders", nargs="*", default=["face-api", "resnet18"])
    args = parser.parse_args()
    unknown = [e for e in args.encoders if e not in ENCODERS]
    if unknown:
        parser.error("no PyTorch twin for %s (have: %s)" % (", ".join(unknown), ", ".join(ENCODERS)))
    torch.set_num_threads(args.threads)
    print("torch %s, %d threads" % (torch.__version__, torch.get_num_threads()))
    for name in args.encoders:
        side, params, train, inference = measure(name, args.batch, args.steps)
        print("%-10s %3dx%-3d params %10s  train %7.1f img/s  inference %7.1f img/s"
              % (name, side, side, format(params, ","), train, inference))


if __name__ == "__main__":
    main()
