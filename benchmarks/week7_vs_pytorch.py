"""Week 7: the NumPy reference ``DeepClassifier`` against PyTorch on the CPU, time per epoch.

Run from the repository root (PyTorch is an optional benchmark dependency, in no requirement file):

    pip install torch==2.13.0          # a CPU wheel is enough
    python benchmarks/week7_vs_pytorch.py [--threads 1 2] [--epochs 5]

Both train the same network, ``[784, 128, 64, 10]`` with ReLU hidden layers and a softmax output
(the mean categorical cross-entropy), on the same data (``mnist_5k``: 4000 training images,
flattened and divided by 255), with Adam (learning rate 0.001, betas 0.9 / 0.999, eps 1e-8 added
outside the square root, as in both implementations), one shuffle per epoch, the same mini-batch
size (64 and 512) and dtype (float64 and float32). Each configuration runs in its own subprocess
whose ``OPENBLAS_NUM_THREADS`` / ``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS`` are set to the thread
count before NumPy and PyTorch are imported, and which also calls ``torch.set_num_threads(n)``, so
that both libraries use the same number of threads. Each side trains one warm-up epoch, then
``--epochs`` epochs are timed; the table gives the median seconds per epoch and the ratio
reference / PyTorch (below 1: the reference is faster).

"matmul share" is the part of the reference's epoch spent in its matrix products: the same products
(3 forwards, 3 ``dW``, 2 ``dA``: the reference skips ``dA0``) on arrays of the same shapes, layouts
and dtype, timed on their own for one epoch's worth of mini-batches, divided by the epoch's time.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [784, 128, 64, 10]
LEARNING_RATE = 0.001


def load_data(np):
    sys.path.insert(0, str(ROOT))
    import datasets

    data = datasets.load("mnist_5k")
    X = data["train_x"].reshape(len(data["train_x"]), -1).T / 255.0  # (784, 4000)
    return X, data["train_y"]


def time_reference(np, X, y, batch, dtype, epochs):
    from solutions.week7.trainer import DeepClassifier

    clf = DeepClassifier(LAYERS, output="softmax", mini_batch_size=batch, learning_rate=LEARNING_RATE, dtype=dtype,
                         rng=0)
    clf.fit(X, y, num_epochs=1)  # warm-up
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        clf.fit(X, y, num_epochs=1)
        times.append(time.perf_counter() - start)
    return statistics.median(times), clf.history_["cost"][-1]


def time_matmuls(np, m, batch, dtype, repeats=3):
    """Seconds for one epoch's worth of the reference's matrix products, on arrays like its own."""
    rng = np.random.default_rng(0)
    W = [rng.standard_normal((LAYERS[l], LAYERS[l - 1])).astype(dtype) for l in range(1, 4)]
    X_rows = rng.random((batch, LAYERS[0])).astype(dtype)   # a mini-batch buffer, one example per row
    A = [X_rows.T] + [rng.random((n, batch)).astype(dtype) for n in LAYERS[1:3]]
    dZ = [rng.standard_normal((n, batch)).astype(dtype) for n in LAYERS[1:]]
    n_batches = -(-m // batch)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(n_batches):
            for l in range(3):
                W[l] @ A[l]                                  # forward Z
                dZ[l] @ A[l].T                               # dW
                if l > 0:
                    W[l].T @ dZ[l]                           # dA_prev
        best = min(best, time.perf_counter() - start)
    return best


def time_torch(np, X, y, batch, dtype, epochs, threads):
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    tdtype = {"float64": torch.float64, "float32": torch.float32}[dtype]
    Xt = torch.tensor(np.ascontiguousarray(X.T), dtype=tdtype)  # (4000, 784): PyTorch's rows
    yt = torch.tensor(y, dtype=torch.int64)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 10)).to(tdtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.CrossEntropyLoss()
    m = Xt.shape[0]

    def epoch():
        total = 0.0
        for idx in torch.randperm(m).split(batch):
            optimizer.zero_grad()
            loss = loss_fn(model(Xt[idx]), yt[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        return total / m

    epoch()  # warm-up
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        cost = epoch()
        times.append(time.perf_counter() - start)
    return statistics.median(times), cost


def worker(args):
    """One configuration, in a process whose BLAS thread count was set before numpy was imported."""
    import numpy as np

    X, y = load_data(np)
    ref, ref_cost = time_reference(np, X, y, args.batch, args.dtype, args.epochs)
    mm = time_matmuls(np, X.shape[1], args.batch, args.dtype)
    tt, torch_cost = time_torch(np, X, y, args.batch, args.dtype, args.epochs, args.threads)
    print(json.dumps({"reference": ref, "torch": tt, "matmul": mm, "ref_cost": ref_cost, "torch_cost": torch_cost}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    parser.add_argument("--batches", type=int, nargs="+", default=[64, 512])
    parser.add_argument("--dtypes", nargs="+", default=["float64", "float32"])
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs per side (after one warm-up)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dtype", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        args.threads = args.threads[0]
        return worker(args)
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is not installed: pip install torch==2.13.0 (an optional benchmark dependency)")
    import numpy as np

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}; "
          f"Python {platform.python_version()}, NumPy {np.__version__}, PyTorch {torch.__version__}")
    print(f"network {LAYERS}, ReLU + softmax, Adam lr {LEARNING_RATE}, mnist_5k (4000 examples); median of "
          f"{args.epochs} epochs after one warm-up\n")
    print("| threads | mini-batch | dtype | reference s/epoch | PyTorch s/epoch | ratio reference / PyTorch "
          "| matmul share of the reference |")
    print("|---|---|---|---|---|---|---|")
    for threads in dict.fromkeys(args.threads):
        for batch in args.batches:
            for dtype in args.dtypes:
                env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
                           MKL_NUM_THREADS=str(threads))
                out = subprocess.run([sys.executable, __file__, "--worker", "--threads", str(threads), "--batch",
                                      str(batch), "--dtype", dtype, "--epochs", str(args.epochs)],
                                     env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"| {threads} | {batch} | {dtype} | {r['reference']:.3f} | {r['torch']:.3f} "
                      f"| {r['reference'] / r['torch']:.2f} | {100 * min(1.0, r['matmul'] / r['reference']):.0f} % |",
                      flush=True)


if __name__ == "__main__":
    main()
