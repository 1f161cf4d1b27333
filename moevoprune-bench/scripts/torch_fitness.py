#!/usr/bin/env python3
"""The PyTorch CPU peer of FitnessBenchmark: the same compacted head and the same work, timed on this machine.

One fitness evaluation: train a fresh head (k = round(density * F) active features evenly spread, Glorot-uniform
k x 512 ReLU layer without bias, 512 x C output with bias) for EPOCHS epochs of mini-batch SGD (batch 32, lr 1e-3,
Nesterov momentum 0.9, time-based decay lr / (1 + 1e-6 t)) on N = 6000 rows, F = 1280, C = 10; then accuracy on
1000 evaluation rows and the ODIN AUROC (max softmax(logits / 1000)) against 1000 OoD rows. Features are like
BenchData's: half zeros, half |N(0, 1)|. The compaction (gathering the k active columns) is timed with the rest.

Usage: python3 torch_fitness.py [--threads 1] [--epochs 5] [--repeats 5] [--densities 0.25 0.5 1.0]
Prints, per density, the best and median evaluation time, and the best time of one training step at batch 32.
"""
import argparse
import os
import statistics
import time

import numpy as np
import torch

N, F, C, H, EVAL, OOD, BATCH = 6000, 1280, 10, 512, 1000, 1000, 32


def features(rows, seed):
    rng = np.random.default_rng(seed)
    return torch.from_numpy(np.maximum(rng.standard_normal((rows, F), dtype=np.float32), 0.0))


def active_columns(density):
    k = round(density * F)
    return torch.tensor([i * F // k for i in range(k)], dtype=torch.long)


def make_head(k, seed):
    torch.manual_seed(seed)
    hidden = torch.nn.Linear(k, H, bias=False)
    output = torch.nn.Linear(H, C)
    torch.nn.init.xavier_uniform_(hidden.weight)
    torch.nn.init.xavier_uniform_(output.weight)
    torch.nn.init.zeros_(output.bias)
    return torch.nn.Sequential(hidden, torch.nn.ReLU(), output)


def auroc(positive, negative):
    scores = np.concatenate([positive, negative])
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks of ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n_pos, n_neg = len(positive), len(negative)
    return (ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def evaluate(data, columns, epochs, seed=11):
    train_x, train_y, eval_x, eval_y, ood_x = data
    xk = train_x.index_select(1, columns)
    head = make_head(len(columns), seed)
    opt = torch.optim.SGD(head.parameters(), lr=1e-3, momentum=0.9, nesterov=True)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)
    updates = 0
    for _ in range(epochs):
        order = torch.randperm(N, generator=generator)
        for start in range(0, N, BATCH):
            idx = order[start:start + BATCH]
            for group in opt.param_groups:
                group["lr"] = 1e-3 / (1.0 + 1e-6 * updates)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(head(xk[idx]), train_y[idx])
            loss.backward()
            opt.step()
            updates += 1
    with torch.no_grad():
        eval_logits = head(eval_x.index_select(1, columns))
        ood_logits = head(ood_x.index_select(1, columns))
        accuracy = (eval_logits.argmax(1) == eval_y).float().mean().item()
        odin_in = torch.softmax(eval_logits / 1000.0, 1).max(1).values.numpy()
        odin_out = torch.softmax(ood_logits / 1000.0, 1).max(1).values.numpy()
    return accuracy, auroc(odin_in, odin_out)


def step_time(data, columns, repeats=200):
    train_x, train_y = data[0], data[1]
    xk = train_x.index_select(1, columns)
    head = make_head(len(columns), 3)
    opt = torch.optim.SGD(head.parameters(), lr=1e-3, momentum=0.9, nesterov=True)
    loss_fn = torch.nn.CrossEntropyLoss()
    best = float("inf")
    for r in range(repeats):
        idx = torch.randint(0, N, (BATCH,))
        start = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss_fn(head(xk[idx]), train_y[idx]).backward()
        opt.step()
        if r >= 20:
            best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--densities", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    labels = torch.arange(N) % C
    data = (features(N, 4), labels, features(EVAL, 5), torch.arange(EVAL) % C, features(OOD, 6))
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {args.epochs} epochs,"
          f" OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}")
    for density in args.densities:
        columns = active_columns(density)
        evaluate(data, columns, 1)  # warm-up
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            accuracy, auc = evaluate(data, columns, args.epochs)
            times.append(time.perf_counter() - start)
        k = len(columns)
        flops = 4.0 * BATCH * k * H + 6.0 * BATCH * H * C
        step = step_time(data, columns)
        print(f"density {density} (k={k}): evaluation best {min(times):.3f} s, median {statistics.median(times):.3f} s"
              f" (accuracy {accuracy:.3f}, AUROC {auc:.3f}); step best {step * 1e6:.0f} us"
              f" ({flops / step / 1e9:.1f} GFLOP/s)")


if __name__ == "__main__":
    main()
