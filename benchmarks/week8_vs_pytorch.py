"""Week 8: the NumPy reference ``ConvNet`` against PyTorch on the CPU, time per epoch.

Run from the repository root (PyTorch is an optional benchmark dependency, in no requirement file):

    pip install torch                  # a CPU build is enough
    python benchmarks/week8_vs_pytorch.py [--threads 1 2] [--batches 64 256] [--epochs 3]
    python benchmarks/week8_vs_pytorch.py --epochs 1 --subset 1000     # a quick run
    python benchmarks/week8_vs_pytorch.py --json                       # one JSON object on stdout
    python benchmarks/week8_vs_pytorch.py --profile --threads 1 --batches 64 --dtypes float32
    python benchmarks/week8_vs_pytorch.py --tuned-malloc               # glibc keeps freed memory (see below)

Both train the same network, ``ConvNet``'s defaults: CONV 5x5, 8 filters, "same" padding -> RELU ->
MAXPOOL 2x2 -> CONV 5x5, 16 filters -> RELU -> MAXPOOL 2x2 -> LINEAR (784 -> 10) -> SOFTMAX (the
mean categorical cross-entropy), on the same data (``mnist_5k``: the 4000 training images divided by
255, or the first ``--subset`` of them), with Adam (learning rate 0.001, betas 0.9 / 0.999, eps 1e-8
added outside the square root, as in both implementations), one shuffle per epoch, the same
mini-batch size and dtype. PyTorch gets its own layout (NCHW) and its default CPU kernels (oneDNN
convolutions where it has them). Each configuration runs in its own subprocess whose
``OPENBLAS_NUM_THREADS`` / ``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS`` are set to the thread count
before NumPy and PyTorch are imported, and which also calls ``torch.set_num_threads(n)``. Each side
trains one warm-up epoch, then ``--epochs`` epochs are timed; the table gives the median seconds per
epoch and the ratio reference / PyTorch (below 1: the reference is faster).

"matmul share" is the part of the reference's epoch spent in its matrix products: the same products
(per chunk of a mini-batch: both convolutions forwards, both ``dW``, the second layer's ``dcols``, the
dense layer's three) on arrays of the same shapes, layouts and dtype, timed on their own for one
epoch's worth of chunks, divided by the epoch's time. ``--profile`` adds, per configuration, where the
reference's epoch goes function by function (cProfile's own time of each function of
``solutions/week8``; the matrix products are the own time of ``conv_forward_fast`` and
``conv_backward_fast``).

``--tuned-malloc`` sets ``MALLOC_TRIM_THRESHOLD_=1073741824`` and ``MALLOC_MMAP_THRESHOLD_=33554432`` for
both sides: glibc then keeps the memory of freed arrays for the next ones instead of handing it back
to the system and faulting it in again, page by page, at the next mini-batch. Without it (the
default, what a learner's Python gets), those page faults cost both libraries wherever they allocate
big work arrays at every step: PyTorch in float64 (up to half of its epoch with mini-batches of 256),
the reference in both dtypes (``ConvNet`` works in chunks of 32 images to keep them small).
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
LEARNING_RATE = 0.001
CONV_LAYERS = ((8, 5), (16, 5))


def load_data(np, subset=None):
    sys.path.insert(0, str(ROOT))
    import datasets

    data = datasets.load("mnist_5k")
    X = data["train_x"] / 255.0                                     # (4000, 28, 28, 1) float64
    y = data["train_y"]
    if subset:
        X, y = X[:subset], y[:subset]
    return X, y


def time_reference(np, X, y, batch, dtype, epochs):
    from solutions.week8.cnn import ConvNet

    net = ConvNet(conv_layers=CONV_LAYERS, mini_batch_size=batch, learning_rate=LEARNING_RATE, dtype=dtype, rng=0)
    net.fit(X, y, num_epochs=1)  # warm-up
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        net.fit(X, y, num_epochs=1)
        times.append(time.perf_counter() - start)
    return statistics.median(times), net.history_["cost"][-1], net


def time_matmuls(np, m, batch, dtype, repeats=3):
    """Seconds for one epoch's worth of the reference's matrix products, on arrays like its own.

    ``ConvNet`` runs a mini-batch in chunks of at most ``CHUNK`` images, and ``conv_fast`` lays a chunk
    of ``k`` images out as columns (filters or window entries x positions and examples): layer 1
    (28x28, 1 channel -> 8 filters), layer 2 (14x14, 8 channels -> 16), then the dense layer.
    """
    from solutions.week8.cnn import CHUNK

    rng = np.random.default_rng(0)
    chunks = [min(CHUNK, len(range(start, min(start + batch, m)))) for start in range(0, m, batch)
              for _ in range(0, min(batch, m - start), CHUNK)]
    k = min(CHUNK, batch)
    products = []
    for (K, N, positions, backward_input) in ((25, 8, 784, False), (200, 16, 196, True)):
        cols = rng.random((K, positions * k)).astype(dtype)
        W = rng.standard_normal((K, N)).astype(dtype)                # W.reshape(f f n_C_prev, n_C)
        dZ = rng.standard_normal((N, positions * k)).astype(dtype)
        products += [(W.T, cols), (cols, dZ.T)] + ([(W, dZ)] if backward_input else [])  # Z, dW, dcols
    A = rng.random((784, k)).astype(dtype)
    W3 = rng.standard_normal((10, 784)).astype(dtype)
    dZ3 = rng.standard_normal((10, k)).astype(dtype)
    products += [(W3, A), (dZ3, A.T), (W3.T, dZ3)]
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in chunks:
            for left, right in products:
                left @ right
        best = min(best, time.perf_counter() - start)
    return best


def profile_reference(net, X, y):
    """``{function: share of the epoch}`` for one epoch of ``net.fit``, by cProfile's own time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    net.fit(X, y, num_epochs=1)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(entry[2] for entry in stats.values())
    shares = {}
    for (filename, _, function), entry in stats.items():
        name = function if "solutions" in filename and "week8" in filename else "other (numpy, Python)"
        shares[name] = shares.get(name, 0.0) + entry[2] / total
    return dict(sorted(shares.items(), key=lambda item: -item[1]))


def time_torch(np, X, y, batch, dtype, epochs, threads):
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    tdtype = {"float64": torch.float64, "float32": torch.float32}[dtype]
    Xt = torch.tensor(np.ascontiguousarray(X.transpose(0, 3, 1, 2)), dtype=tdtype)  # (m, 1, 28, 28): NCHW
    yt = torch.tensor(y, dtype=torch.int64)
    layers, n_C_prev, size = [], X.shape[3], X.shape[1]
    for n_C, f in CONV_LAYERS:
        layers += [torch.nn.Conv2d(n_C_prev, n_C, f, padding=(f - 1) // 2), torch.nn.ReLU(), torch.nn.MaxPool2d(2)]
        n_C_prev, size = n_C, size // 2
    model = torch.nn.Sequential(*layers, torch.nn.Flatten(), torch.nn.Linear(n_C_prev * size * size, 10)).to(tdtype)
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
    """One configuration, in a process whose thread counts were set before numpy was imported."""
    import numpy as np

    X, y = load_data(np, args.subset)
    ref, ref_cost, net = time_reference(np, X, y, args.batch, args.dtype, args.epochs)
    mm = time_matmuls(np, len(X), args.batch, args.dtype)
    tt, torch_cost = time_torch(np, X, y, args.batch, args.dtype, args.epochs, args.threads)
    result = {"reference": ref, "torch": tt, "matmul": mm, "ref_cost": ref_cost, "torch_cost": torch_cost}
    if args.profile:
        result["profile"] = profile_reference(net, X, y)
    print(json.dumps(result))


TUNED_MALLOC = {"MALLOC_TRIM_THRESHOLD_": "1073741824", "MALLOC_MMAP_THRESHOLD_": "33554432"}


def run_configuration(threads, batch, dtype, args):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    for name in TUNED_MALLOC:
        env.pop(name, None)
    if args.tuned_malloc:
        env.update(TUNED_MALLOC)
    command = [sys.executable, __file__, "--worker", "--threads", str(threads), "--batch", str(batch),
               "--dtype", dtype, "--epochs", str(args.epochs)]
    if args.subset:
        command += ["--subset", str(args.subset)]
    if args.profile:
        command.append("--profile")
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"the configuration {threads}-{batch}-{dtype} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="thread counts (default 1 2)")
    parser.add_argument("--batches", type=int, nargs="+", default=[64, 256], help="mini-batch sizes (default 64 256)")
    parser.add_argument("--dtypes", nargs="+", default=["float32", "float64"], choices=["float32", "float64"])
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs per side, after one warm-up (default 3)")
    parser.add_argument("--subset", type=int, metavar="N", help="train on the first N of the 4000 images only")
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object, {"ratios": {"THREADS-BATCH-DTYPE": reference / PyTorch}, ...}, '
                             "and nothing else on stdout")
    parser.add_argument("--profile", action="store_true", help="also show where the reference's epoch goes")
    parser.add_argument("--tuned-malloc", action="store_true",
                        help="both sides with glibc's MALLOC_TRIM_THRESHOLD_ and MALLOC_MMAP_THRESHOLD_ raised")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dtype", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.epochs < 1 or (args.subset is not None and args.subset < 1):
        parser.error("--epochs and --subset must be at least 1")
    if args.worker:
        args.threads = args.threads[0]
        return worker(args)
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is not installed: pip install torch (an optional benchmark dependency)")
    import numpy as np

    out = sys.stderr if args.json else sys.stdout
    m = args.subset or 4000
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}; "
          f"Python {platform.python_version()}, NumPy {np.__version__}, PyTorch {torch.__version__}", file=out)
    print(f"ConvNet {list(CONV_LAYERS)} (filters, size), ReLU, 2x2 max pooling, softmax; Adam lr {LEARNING_RATE}; "
          f"mnist_5k ({min(m, 4000)} examples); median of {args.epochs} epochs after one warm-up; "
          f"{'glibc malloc thresholds raised' if args.tuned_malloc else 'default glibc malloc settings'}\n", file=out)
    print("| threads | mini-batch | dtype | reference s/epoch | PyTorch s/epoch | ratio reference / PyTorch "
          "| matmul share of the reference |", file=out)
    print("|---|---|---|---|---|---|---|", file=out)
    results = {}
    for threads in dict.fromkeys(args.threads):
        for batch in args.batches:
            for dtype in args.dtypes:
                r = run_configuration(threads, batch, dtype, args)
                key = f"{threads}-{batch}-{dtype}"
                results[key] = r
                print(f"| {threads} | {batch} | {dtype} | {r['reference']:.3f} | {r['torch']:.3f} "
                      f"| {r['reference'] / r['torch']:.2f} | {100 * min(1.0, r['matmul'] / r['reference']):.0f} % |",
                      file=out, flush=True)
    if args.profile:
        for key, r in results.items():
            shares = ", ".join(f"{name} {100 * share:.0f} %" for name, share in r["profile"].items() if share >= 0.005)
            print(f"\nwhere the reference's epoch goes ({key}, cProfile own time): {shares}", file=out)
    if args.json:
        print(json.dumps({
            "ratios": {key: r["reference"] / r["torch"] for key, r in results.items()},
            "seconds_per_epoch": {key: {"reference": r["reference"], "pytorch": r["torch"]}
                                  for key, r in results.items()},
            "matmul_share": {key: min(1.0, r["matmul"] / r["reference"]) for key, r in results.items()},
            "epochs": args.epochs, "examples": min(m, 4000), "tuned_malloc": args.tuned_malloc,
            "versions": {"python": platform.python_version(), "numpy": np.__version__, "torch": torch.__version__},
        }))


if __name__ == "__main__":
    main()
