"""Minimal protobuf wire-format reader for the parts of ONNX needed to run a graph."""
import numpy as np

def varint(b, i):
    r = 0; s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return r, i

def fields(b):
    i = 0; n = len(b)
    while i < n:
        key, i = varint(b, i)
        f, wt = key >> 3, key & 7
        if wt == 0:
            v, i = varint(b, i)
        elif wt == 1:
            v = b[i:i+8]; i += 8
        elif wt == 2:
            l, i = varint(b, i); v = b[i:i+l]; i += l
        elif wt == 5:
            v = b[i:i+4]; i += 4
        else:
            raise ValueError("wire type %d" % wt)
        yield f, wt, v

def signed(v):
    return v - (1 << 64) if v >= (1 << 63) else v

def packed_varints(v):
    out = []; i = 0
    while i < len(v):
        x, i = varint(v, i); out.append(signed(x))
    return out

DT = {1: np.float32, 2: np.uint8, 3: np.int8, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}

def tensor(b):
    dims = []; dt = None; raw = None; name = ''; floats = []; ints64 = []; ints32 = []
    for f, wt, v in fields(b):
        if f == 1:
            dims += packed_varints(v) if wt == 2 else [signed(v)]
        elif f == 2: dt = v
        elif f == 4:
            floats += list(np.frombuffer(bytes(v), '<f4')) if wt == 2 else [np.frombuffer(bytes(v), '<f4')[0]]
        elif f == 5:
            ints32 += packed_varints(v) if wt == 2 else [signed(v)]
        elif f == 7:
            ints64 += packed_varints(v) if wt == 2 else [signed(v)]
        elif f == 8: name = bytes(v).decode()
        elif f == 9: raw = bytes(v)
    t = DT[dt]
    if raw is not None:
        a = np.frombuffer(raw, dtype=np.dtype(t).newbyteorder('<')).astype(t)
    elif floats: a = np.array(floats, t)
    elif ints64: a = np.array(ints64, t)
    elif ints32: a = np.array(ints32, t)
    else: a = np.zeros(0, t)
    return name, a.reshape(dims)

def attribute(b):
    name = None; val = None; ints = []; floats = []
    for f, wt, v in fields(b):
        if f == 1: name = bytes(v).decode()
        elif f == 2: val = float(np.frombuffer(bytes(v), '<f4')[0])
        elif f == 3: val = signed(v)
        elif f == 4: val = bytes(v)
        elif f == 5: val = tensor(v)[1]
        elif f == 7: floats += list(np.frombuffer(bytes(v), '<f4')) if wt == 2 else [float(np.frombuffer(bytes(v), '<f4')[0])]
        elif f == 8: ints += packed_varints(v) if wt == 2 else [signed(v)]
    if val is None and ints: val = ints
    if val is None and floats: val = floats
    return name, val

def node(b):
    ins = []; outs = []; op = None; attrs = {}
    for f, wt, v in fields(b):
        if f == 1: ins.append(bytes(v).decode())
        elif f == 2: outs.append(bytes(v).decode())
        elif f == 4: op = bytes(v).decode()
        elif f == 5:
            k, a = attribute(v); attrs[k] = a
    return op, ins, outs, attrs

def value_info_name(b):
    for f, wt, v in fields(b):
        if f == 1: return bytes(v).decode()

def load(path):
    b = memoryview(open(path, 'rb').read())
    graph = None; opset = None
    for f, wt, v in fields(b):
        if f == 7: graph = v
        if f == 8:
            for g, _, w in fields(v):
                if g == 2: opset = w
    nodes = []; inits = {}; inputs = []; outputs = []
    for f, wt, v in fields(graph):
        if f == 1: nodes.append(node(v))
        elif f == 5:
            k, a = tensor(v); inits[k] = a
        elif f == 11: inputs.append(value_info_name(v))
        elif f == 12: outputs.append(value_info_name(v))
    return nodes, inits, inputs, outputs, opset
