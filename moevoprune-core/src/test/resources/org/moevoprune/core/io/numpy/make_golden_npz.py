"""Writes the .npz golden files that NpzGoldenFilesTest reads, with NumPy's own writers.

Run from this directory: python3 make_golden_npz.py   (made with NumPy 2.4.6)
The arrays are those of make_golden.py: x[r, c] = (4 r + c - 5.5) / 8 for a 3 x 4 array, labels 0, 2, 1.
"""
import numpy as np

x = ((np.arange(12).reshape(3, 4) - 5.5) / 8).astype("<f4")
y = np.array([0, 2, 1])

np.savez("xy_savez.npz", features=x, labels=y.astype("<i8"))
np.savez_compressed("xy_savez_compressed.npz", x=x.astype(">f8"), y=y.astype("u1"))
np.savez("keras_style.npz", x_train=x, y_train=y, x_test=x[:2], y_test=y[:2])
np.savez("positional.npz", x, y)
np.savez_compressed("features_only.npz", np.asfortranarray(x))
