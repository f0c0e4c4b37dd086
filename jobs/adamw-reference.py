#!/usr/bin/env python3
"""Reference numbers for TorchAdamTest: three steps of PyTorch's AdamW and Adam on a tiny linear
model with mean squared error, printed as the Java test's expected parameters.

Run with Debian's python3-torch (apt-get install python3-torch):
    python3 jobs/adamw-reference.py > src/test/resources/vlfer/model/optim/adam-reference.txt
"""
import torch

torch.set_default_dtype(torch.float64)
X = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-1.0, 0.75, 0.5], [0.2, -0.3, 1.1]])
Y = torch.tensor([[1.0, -0.5], [0.3, 0.8], [-0.7, 0.2], [0.5, 0.5]])
W0 = torch.tensor([[0.1, -0.2, 0.3], [0.05, 0.4, -0.1]])  # [out, in], as torch.nn.Linear
B0 = torch.tensor([0.01, -0.02])

for name, make in [("adamw", lambda p: torch.optim.AdamW(p, lr=0.01, betas=(0.9, 0.999), eps=1e-4, weight_decay=0.1)),
                   ("adam", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-4, weight_decay=0.1))]:
    lin = torch.nn.Linear(3, 2)
    with torch.no_grad():
        lin.weight.copy_(W0)
        lin.bias.copy_(B0)
    opt = make(lin.parameters())
    for step in range(3):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(lin(X), Y)
        loss.backward()
        opt.step()
    print(name, "weight", " ".join(repr(v) for v in lin.weight.detach().flatten().tolist()))
    print(name, "bias", " ".join(repr(v) for v in lin.bias.detach().flatten().tolist()))
print("torch", torch.__version__)
