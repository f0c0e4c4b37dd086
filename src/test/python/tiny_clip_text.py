"""Writes the tiny CLIP-style text encoder that tests vlfer's user-supplied ONNX text encoder path.

A text transformer with random (seeded) weights, shaped like CLIP's text tower but tiny: a
57-token vocabulary (54 words, [UNK], BOS, EOS), width 16, 16 positions, 2 pre-LN blocks with a
causal attention mask and QuickGELU, a final layer norm, EOS pooling (CLIP's argmax over token
ids: the end-of-text token has the highest id) and a projection to 8 dimensions. Exported to ONNX with inputs input_ids and
attention_mask (no token_type_ids) and outputs text_embeds [1, 8] and last_hidden_state
[1, tokens, 16]; a hand-made HuggingFace tokenizer.json (lower-casing, WordLevel over the
vocabulary below, Whitespace pre-tokenizer, BOS/EOS by a TemplateProcessing post-processor); and
reference outputs of the same model run by torch in float64, L2-normalised, per pooling.
Also writes a graph whose input is not a text input (pixel_values), for the error test, and the
same weights as an OpenAI CLIP state dict (tiny-clip-text.npz: token_embedding.weight,
positional_embedding, transformer.resblocks.N.{ln_1,attn.in_proj_*,attn.out_proj.*,ln_2,mlp.c_fc.*,
mlp.c_proj.*}, ln_final.*, text_projection, plus CLIP's scalar logit_scale), which vlfer's clip-text
encoder reads, so the two paths can be compared on one model; and the same state dict as a
TorchScript archive (tiny-clip-text.pt, a scripted module whose parameters carry those names, as an
OpenAI CLIP archive's text tower does; its bytes carry this script's path, its tensors do not).

usage: /usr/bin/python3 tiny_clip_text.py OUT_DIR   (Debian's python3-torch 1.13; no onnx package needed)
"""
import json, os, re, sys
import numpy as np
import torch
from torch import nn

WORDS = ("a an the of with and is someone person people photo face facial expression making showing "
         "happy sad angry surprised fearful disgusted neutral calm happiness sadness anger surprise fear "
         "disgust smiling laughing crying frowning raised lowered pressed wrinkled dropped open wide "
         "very slightly eyes eyebrows brows mouth lips cheeks nose jaw tears . ,").split()
UNK, BOS, EOS = "[UNK]", "<|startoftext|>", "<|endoftext|>"
VOCAB = {UNK: 0, **{w: i + 1 for i, w in enumerate(WORDS)}}
VOCAB[BOS] = len(VOCAB)
VOCAB[EOS] = len(VOCAB)  # the highest id, as in CLIP
CONTEXT, WIDTH, LAYERS, HEADS, EMBED = 16, 16, 2, 2, 8
SENTENCES = [
    "a photo of a face with an expression of happiness.",
    "an expression of anger.",
    "A person SMILING, with raised cheeks",
    "a zebra face",
    "sad",
    # 19 words: cut to 14 words + BOS + EOS at max-tokens 16
    "a very happy person is smiling and laughing with wide open eyes and raised eyebrows and the mouth open",
]


def tokenize(text):
    """What the tokenizer.json below does: lower-case, split like HF's Whitespace, truncate, add BOS/EOS."""
    words = re.findall(r"\w+|[^\w\s]+", text.lower())[:CONTEXT - 2]
    return [VOCAB[BOS]] + [VOCAB.get(w, VOCAB[UNK]) for w in words] + [VOCAB[EOS]]


def tokenizer_json():
    special = lambda tok: {"id": VOCAB[tok], "content": tok, "single_word": False, "lstrip": False,
                           "rstrip": False, "normalized": False, "special": True}
    single = [{"SpecialToken": {"id": BOS, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
              {"SpecialToken": {"id": EOS, "type_id": 0}}]
    pair = single + [{"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": EOS, "type_id": 1}}]
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [special(UNK), special(BOS), special(EOS)],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": {"type": "TemplateProcessing", "single": single, "pair": pair,
                           "special_tokens": {t: {"id": t, "ids": [VOCAB[t]], "tokens": [t]} for t in (BOS, EOS)}},
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": VOCAB, "unk_token": UNK},
    }


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(WIDTH), nn.LayerNorm(WIDTH)
        self.qkv, self.out = nn.Linear(WIDTH, 3 * WIDTH), nn.Linear(WIDTH, WIDTH)
        self.fc, self.proj = nn.Linear(WIDTH, 4 * WIDTH), nn.Linear(4 * WIDTH, WIDTH)

    def attention(self, x, bias):
        b, t, _ = x.shape
        q, k, v = self.qkv(x).reshape(b, t, 3, HEADS, WIDTH // HEADS).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / (WIDTH // HEADS) ** 0.5 + bias
        return self.out((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, WIDTH))

    def forward(self, x, bias):
        x = x + self.attention(self.ln_1(x), bias)
        h = self.fc(self.ln_2(x))
        return x + self.proj(h * torch.sigmoid(1.702 * h))  # QuickGELU, as CLIP


class TinyClipText(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Embedding(len(VOCAB), WIDTH)
        self.positional_embedding = nn.Parameter(0.5 * torch.randn(CONTEXT, WIDTH))
        self.blocks = nn.ModuleList([Block() for _ in range(LAYERS)])
        self.ln_final = nn.LayerNorm(WIDTH)
        self.text_projection = nn.Parameter(torch.randn(WIDTH, EMBED) / WIDTH ** 0.5)
        with torch.no_grad():  # non-trivial layer-norm affine parameters, so they are tested too
            for ln in [self.ln_final] + [m for b in self.blocks for m in (b.ln_1, b.ln_2)]:
                ln.weight.add_(0.3 * torch.randn(WIDTH))
                ln.bias.add_(0.3 * torch.randn(WIDTH))

    def forward(self, input_ids, attention_mask):
        t = input_ids.shape[1]
        x = self.token_embedding(input_ids) + self.positional_embedding[:t]
        pos = torch.arange(t)
        future = (pos[None, :] > pos[:, None]).to(x.dtype)  # causal: no token sees a later one
        padding = (1 - attention_mask[:, None, None, :].to(x.dtype))
        bias = -1e9 * torch.clamp(future[None, None] + padding, max=1)
        for block in self.blocks:
            x = block(x, bias)
        x = self.ln_final(x)
        eos = x[torch.arange(x.shape[0]), input_ids.argmax(-1)]
        return eos @ self.text_projection, x


def openai_state_dict(model):
    """The model's float32 weights under OpenAI CLIP's text-tower names (nn.MultiheadAttention packs q, k, v as qkv does)."""
    names = {"token_embedding.weight": "token_embedding.weight", "positional_embedding": "positional_embedding",
             "ln_final.weight": "ln_final.weight", "ln_final.bias": "ln_final.bias", "text_projection": "text_projection"}
    parts = {"ln_1": "ln_1", "ln_2": "ln_2", "qkv": "attn.in_proj_", "out": "attn.out_proj.", "fc": "mlp.c_fc.",
             "proj": "mlp.c_proj."}
    for i in range(LAYERS):
        for mine, theirs in parts.items():
            for kind in ("weight", "bias"):
                key = theirs + kind if theirs.endswith(("_", ".")) else theirs + "." + kind
                names["blocks.%d.%s.%s" % (i, mine, kind)] = "transformer.resblocks.%d.%s" % (i, key)
    state = {names[k]: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    state["logit_scale"] = np.array(np.log(1 / 0.07), dtype=np.float32)
    return state


class ParameterTree(nn.Module):
    """A module whose parameters are exactly the given state dict's keys (dots become submodules)."""

    def __init__(self, state):
        super().__init__()
        for key, value in state.items():
            owner = self
            *path, leaf = key.split(".")
            for name in path:
                if not hasattr(owner, name):
                    owner.add_module(name, nn.Module())
                owner = getattr(owner, name)
            owner.register_parameter(leaf, nn.Parameter(torch.from_numpy(value).clone(), requires_grad=False))

    def forward(self, x):
        return x * self.logit_scale


def unit(v):
    return (v / v.norm()).tolist()


def main(out):
    torch.manual_seed(20261130)
    model = TinyClipText().eval()
    ids = torch.tensor([tokenize(SENTENCES[0])])
    torch.onnx.export(model, (ids, torch.ones_like(ids)), os.path.join(out, "tiny-clip-text.onnx"),
                      input_names=["input_ids", "attention_mask"], output_names=["text_embeds", "last_hidden_state"],
                      dynamic_axes={"input_ids": {1: "tokens"}, "attention_mask": {1: "tokens"},
                                    "last_hidden_state": {1: "tokens"}}, opset_version=14)
    torch.onnx.export(nn.Linear(4, 2), (torch.zeros(1, 4),), os.path.join(out, "not-a-text-encoder.onnx"),
                      input_names=["pixel_values"], output_names=["logits"], opset_version=14)
    np.savez(os.path.join(out, "tiny-clip-text.npz"), **openai_state_dict(model))
    torch.jit.script(ParameterTree(openai_state_dict(model))).save(os.path.join(out, "tiny-clip-text.pt"))
    with open(os.path.join(out, "tokenizer.json"), "w") as f:
        json.dump(tokenizer_json(), f, indent=1)
    model = model.double()
    with open(os.path.join(out, "reference.tsv"), "w") as f:
        f.write("# tiny-clip-text.onnx run by torch %s in float64, L2-normalised; written by "
                "src/test/python/tiny_clip_text.py\n" % torch.__version__)
        f.write("# sentence<TAB>token ids<TAB>output:pooling<TAB>values (comma-separated)\n")
        with torch.no_grad():
            for s in SENTENCES:
                ids = torch.tensor([tokenize(s)])
                embeds, hidden = model(ids, torch.ones_like(ids))
                h = hidden[0]
                rows = {"text_embeds:none": embeds[0], "last_hidden_state:eos": h[-1],
                        "last_hidden_state:mean": h.mean(0), "last_hidden_state:cls": h[0]}
                for kind, v in rows.items():
                    f.write("\t".join([s, ",".join(map(str, ids[0].tolist())), kind,
                                       ",".join("%.9g" % x for x in unit(v))]) + "\n")
                print(s, ids[0].tolist())


if __name__ == "__main__":
    main(sys.argv[1])
