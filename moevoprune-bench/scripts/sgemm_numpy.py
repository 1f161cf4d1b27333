#!/usr/bin/env python3
"""Cross-check of the SGEMM ceiling through NumPy's BLAS: C = A @ B for n x n float32, best of 10, GFLOP/s.

Usage: OPENBLAS_NUM_THREADS=1 python3 sgemm_numpy.py [n]
(unset OPENBLAS_CORETYPE first: a DYNAMIC_ARCH OpenBLAS obeys it, and Haswell halves it on an AVX-512 machine).
"""
import sys
import time

import numpy as np


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2048
    rng = np.random.default_rng(1)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a, b, out=c)
    best = float("inf")
    for _ in range(10):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    blas = "?"
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"].get("openblas configuration", config["Build Dependencies"]["blas"]["name"])
    except Exception:  # NumPy < 1.25 has no dict mode
        pass
    print(f"numpy {np.__version__} ({blas}) n={n}: {2 * n ** 3 / best / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
