"""Golden values for OodMetricsTest: the reference grid AUROC computed with numpy as described in
OodMetrics.referenceGridAuroc, on deterministic inputs that Java rebuilds with the same integer arithmetic.

Run: python3 reference_grid_auroc.py   (numpy >= 1.9; the values were made with numpy 2.4.6)
"""
import numpy as np


def grid_auroc(ins, ood):
    s = np.sort(np.asarray(ins, dtype=np.float64))
    ood = np.asarray(ood, dtype=np.float64)
    n, m = len(s), len(ood)
    levels = np.arange(0, 1, 0.01)[::-1].copy()
    levels[0] = 0.99999999
    thresholds = [s[int(n * level)] for level in levels]
    tp = np.array([np.sum(s > t) for t in thresholds])
    fp = np.array([np.sum(ood > t) for t in thresholds])
    tp[0] = 0
    tp[-1] = n
    tpr = np.append(tp / n, 1.0)
    fpr = np.append(fp / m, 1.0)
    trapezoid = getattr(np, "trapezoid", None) or np.trapz
    return float(trapezoid(tpr, fpr))


CASES = {
    "ties257x123": ([((i * 37 + 11) % 101) / 101.0 for i in range(257)],
                    [((j * 53 + 5) % 89) / 89.0 for j in range(123)]),
    "shifted100x100": ([((i * 7) % 50) / 50.0 + 0.2 for i in range(100)],
                       [((j * 13) % 61) / 61.0 for j in range(100)]),
    "small7x1000": ([((i * 3) % 7) / 7.0 for i in range(7)],
                    [((j * 7919) % 1000) / 1000.0 for j in range(1000)]),
    # the next two differ from a sequential sum of the trapezoid terms in the last bits
    "odd333x177": ([((i * 43 + 1) % 113) / 113.0 for i in range(333)],
                   [((j * 19 + 4) % 79) / 79.0 for j in range(177)]),
    "small64x500": ([((i * 11 + 5) % 67) / 67.0 + 0.3 for i in range(64)],
                    [((j * 23 + 8) % 131) / 131.0 for j in range(500)]),
}

if __name__ == "__main__":
    for name, (ins, ood) in CASES.items():
        print(name, repr(grid_auroc(ins, ood)))
    for count in (5, 100, 1000):
        terms = np.array([((i * 7919) % 1000) / 3.0 for i in range(count)])
        print("pairwiseSum" + str(count), repr(float(np.sum(terms))))
