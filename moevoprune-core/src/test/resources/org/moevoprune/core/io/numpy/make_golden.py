"""Writes the golden files that NumpyGoldenFilesTest reads, with NumPy's own writers.

Run from this directory: python3 make_golden.py   (made with NumPy 2.4.6)
Every feature file holds x[r, c] = (4 r + c - 5.5) / 8 for a 3 x 4 array, exact in binary; the labels are 0, 2, 1.
"""
import numpy as np

x = ((np.arange(12).reshape(3, 4) - 5.5) / 8).astype("<f4")
y = np.array([0, 2, 1])

np.save("x_f4.npy", x)
np.save("x_f8_fortran_big_endian.npy", np.asfortranarray(x.astype(">f8")))
for major in (2, 3):
    with open(f"x_f4_v{major}.npy", "wb") as f:
        np.lib.format.write_array(f, x, version=(major, 0))
np.save("y_i8.npy", y.astype("<i8"))
np.save("y_u1.npy", y.astype("u1"))
np.save("y_f8.npy", y.astype("<f8"))
# numpy.savetxt's defaults: '%.18e' for every cell (labels too) and '# ' before the header.
np.savetxt("xy_savetxt.csv", np.column_stack([y, x]), delimiter=",",
           header="label," + ",".join(f"f{j + 1}" for j in range(4)))
np.savetxt("x_savetxt.csv", x, delimiter=",")
