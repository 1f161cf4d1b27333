"""Reads the compact models in this folder with numpy alone, exactly as the Javadoc of CompactModels shows, and
writes what numpy computes from them. CompactModelsNumpyTest checks that Java computes the same.

head.mvp, ensemble.mvp and rows.npy were written by moevoprune (a head of 6 of 48 features, a majority vote of
three heads, and 40 feature rows of the generated test problem). Run with the working directory set to this
folder: python3 read_compact.py (numpy 2.4.6 made the committed outputs).
"""
import json
import numpy as np


def load(path):
    b = open(path, "rb").read()
    assert b[:8] == b"MOEVOPRN", "not a moevoprune compact model"
    n = int.from_bytes(b[8:12], "little")
    header = json.loads(b[12:12 + n])
    arrays = {a["name"]: np.frombuffer(b, a["dtype"], int(np.prod(a["shape"])), 12 + n + a["offset"])
              .reshape(a["shape"]) for a in header["arrays"]}
    return header, arrays


def logits(arrays, x, m=0):  # x: rows × F
    h = np.maximum(x[:, arrays[f"{m}/active_indices"]] @ arrays[f"{m}/hidden_weights"], 0)
    return h @ arrays[f"{m}/output_weights"] + arrays[f"{m}/output_bias"]


x = np.load("rows.npy")
header, arrays = load("head.mvp")
np.save("head_logits.npy", logits(arrays, x).astype(np.float32))

header, arrays = load("ensemble.mvp")
C = header["classCount"]
votes = sum(np.eye(C)[logits(arrays, x, m).argmax(1)] for m in range(len(header["members"])))
np.save("ensemble_majority.npy", votes.argmax(1).astype(np.int64))
print(header["rule"], header["featureCount"], [m["activeCount"] for m in header["members"]])
