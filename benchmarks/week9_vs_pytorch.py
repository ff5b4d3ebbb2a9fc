"""Week 9: the NumPy reference name model against PyTorch on the CPU, time per epoch.

Run from the repository root (PyTorch is an optional benchmark dependency, in no requirement file):

    pip install torch                  # a CPU build is enough
    python benchmarks/week9_vs_pytorch.py [--threads 1 2] [--batches 1 64 256] [--epochs 3]
    python benchmarks/week9_vs_pytorch.py --epochs 1 --subset 500     # a quick run
    python benchmarks/week9_vs_pytorch.py --json                      # one JSON object on stdout

Both train the same character-level language model, ``char_lm``'s: a plain RNN with ``n_a = 50``
hidden units over the vocabulary of the names (26 letters and ``"\\n"``, the end of a name), a
softmax output, the summed cross-entropy of every predicted character, plain gradient descent with
learning rate 0.01 and every gradient clipped to [-5, 5], from the same initial parameters, on the
same names (``datasets.names("train")``, or the first ``--subset`` of them) in the same order (one
permutation per epoch, drawn once for both sides). Everything is float64, the lesson's dtype.

- **Mini-batch 1, the lesson's regime**: one name per step, each from the zero hidden state, as
  ``char_lm.model`` does. The reference's step is ``char_lm.optimize`` (forward, backward,
  clip, update: Python loops over the characters of one name); PyTorch's is ``torch.nn.RNN`` on the
  name's one-hot characters, autograd, ``clip_grad_value_`` and the same update.
- **Mini-batches of B names**: the names of a batch padded at the end to its longest name, a mask
  that keeps the padding out of the loss (divided by B), the hidden state starting at zero. The
  reference's side is ``rnn.py``'s ``rnn_forward`` and ``rnn_backward`` on one-hot inputs
  ``(n_x, B, T_x)``, the output layer's gradient computed here; PyTorch's is the same ``torch.nn.RNN``
  on ``(T_x, B, n_x)``.

``torch.nn.RNN`` has two hidden biases (``b_ih + b_hh``) where the lesson has one: ``b_hh`` stays zero
and untrained, so that both sides train the same function with the same steps. Each configuration runs in its own subprocess
whose ``OPENBLAS_NUM_THREADS`` / ``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS`` are set before NumPy and
PyTorch are imported, and which also calls ``torch.set_num_threads(n)``. Each side trains one warm-up
epoch, then ``--epochs`` epochs are timed; the table gives the median seconds per epoch, the ratio
reference / PyTorch (below 1: the reference is faster) and each side's loss per character in the
last epoch (close values say that both trained the same model).
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
N_A = 50
LEARNING_RATE = 0.01
CLIP = 5.0
SEED = 0


def load_names(subset=None):
    sys.path.insert(0, str(ROOT))
    import datasets

    names = datasets.names("train")
    return names[:subset] if subset else names


class Problem:
    """The names as index sequences, the vocabulary, the initial parameters and every epoch's order,
    made with ``char_lm``'s given helpers (``build_vocabulary``, ``name_to_sequences``, ``initialize_parameters``)."""

    def __init__(self, np, names, epochs):
        from solutions.week9 import char_lm

        self.char_to_ix, _ = char_lm.build_vocabulary(names)
        self.vocab_size = len(self.char_to_ix)
        self.raw = names
        self.sequences = [char_lm.name_to_sequences(name, self.char_to_ix) for name in names]
        self.names = [X[1:] for X, _ in self.sequences]                 # each name's indices
        self.characters = sum(len(Y) for _, Y in self.sequences)        # each name's characters and its "\n"
        rng = np.random.default_rng(SEED)
        self.initial = char_lm.initialize_parameters(N_A, self.vocab_size, self.vocab_size, rng)
        self.orders = [rng.permutation(len(names)) for _ in range(epochs + 1)]  # the warm-up's, then the timed

    def parameters(self):
        return {key: value.copy() for key, value in self.initial.items()}

    @staticmethod
    def batches(order, batch):
        return [order[start:start + batch] for start in range(0, len(order), batch)]


def timed(epoch, problem):
    epoch(problem.orders[0])  # warm-up
    times, losses = [], []
    for order in problem.orders[1:]:
        start = time.perf_counter()
        losses.append(epoch(order))
        times.append(time.perf_counter() - start)
    return statistics.median(times), losses[-1] / problem.characters


# ------------------------------------------------------------------------------------ the reference
def reference_per_name(np, problem):
    from solutions.week9 import char_lm

    parameters = problem.parameters()

    def epoch(order):
        total = 0.0
        for i in order:
            X, Y = problem.sequences[i]
            loss, _, _ = char_lm.optimize(X, Y, np.zeros((N_A, 1)), parameters, LEARNING_RATE)
            total += loss
        return total

    return timed(epoch, problem)


def one_hot_batch(problem, indices):
    """The example's mini-batch of padded names: ``x (n_x, B, T_x)``, the targets and the mask ``(B, T_x)``."""
    sys.path.insert(0, str(ROOT / "examples"))
    from week9_names import one_hot_batch as batch_of

    return batch_of([problem.raw[i] for i in indices], problem.char_to_ix)


def reference_batched(np, problem, batch):
    from solutions.week9 import rnn

    p = problem.parameters()
    parameters = {"Wax": p["Wax"], "Waa": p["Waa"], "Wya": p["Wya"], "ba": p["b"], "by": p["by"]}
    batches = {}

    def epoch(order):
        total = 0.0
        for indices in problem.batches(order, batch):
            key = tuple(indices)
            if key not in batches:  # the one-hot inputs are data preparation, PyTorch's is untimed too
                batches[key] = one_hot_batch(problem, indices)
            x, targets, mask = batches[key]
            B, T = targets.shape
            a, y_pred, caches = rnn.rnn_forward(x, np.zeros((N_A, B)), parameters)
            rows, cols = np.arange(B)[:, None], np.arange(T)[None, :]
            picked = y_pred[targets, rows, cols]                          # (B, T): the target's probability
            total += float(-np.sum(np.log(picked) * mask))
            dy = y_pred.copy()
            dy[targets, rows, cols] -= 1.0
            dy *= mask / B                                                # (n_y, B, T)
            gradients = rnn.rnn_backward(np.einsum("ya,ybt->abt", parameters["Wya"], dy), caches)
            gradients["dWya"] = np.einsum("ybt,abt->ya", dy, a)
            gradients["dby"] = dy.sum(axis=(1, 2))[:, None]
            for key in ("Wax", "Waa", "Wya", "ba", "by"):
                parameters[key] -= LEARNING_RATE * np.clip(gradients["d" + key], -CLIP, CLIP)
        return total

    return timed(epoch, problem)


# ------------------------------------------------------------------------------------------- PyTorch
def torch_model(np, torch, problem):
    model = torch.nn.RNN(problem.vocab_size, N_A, nonlinearity="tanh").double()
    output = torch.nn.Linear(N_A, problem.vocab_size).double()
    with torch.no_grad():
        model.weight_ih_l0.copy_(torch.from_numpy(problem.initial["Wax"]))
        model.weight_hh_l0.copy_(torch.from_numpy(problem.initial["Waa"]))
        model.bias_ih_l0.copy_(torch.from_numpy(problem.initial["b"][:, 0]))
        model.bias_hh_l0.zero_()
        output.weight.copy_(torch.from_numpy(problem.initial["Wya"]))
        output.bias.copy_(torch.from_numpy(problem.initial["by"][:, 0]))
    model.bias_hh_l0.requires_grad_(False)  # the lesson's one hidden bias is bias_ih: bias_hh stays zero
    return model, output


def torch_step(torch, model, output, x, h0, targets, mask, scale):
    """Forward, the masked summed cross-entropy, backward, clip and update: the loss before the update."""
    model.zero_grad()
    output.zero_grad()
    hidden, _ = model(x, h0)                                          # (T, B, n_a)
    logits = output(hidden)                                                 # (T, B, n_y)
    losses = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                               reduction="none")
    loss = (losses * mask.reshape(-1)).sum()
    (loss * scale).backward()
    parameters = [p for p in list(model.parameters()) + list(output.parameters()) if p.requires_grad]
    torch.nn.utils.clip_grad_value_(parameters, CLIP)
    with torch.no_grad():
        for parameter in parameters:
            parameter -= LEARNING_RATE * parameter.grad
    return loss.item()


def torch_per_name(np, torch, problem):
    model, output = torch_model(np, torch, problem)
    eye = torch.eye(problem.vocab_size, dtype=torch.float64)
    sequences = []
    for name in problem.names:
        x = torch.zeros((len(name) + 1, 1, problem.vocab_size), dtype=torch.float64)
        x[1:, 0] = eye[name]
        sequences.append((x, torch.tensor(name + [0]), torch.ones(len(name) + 1, dtype=torch.float64)))
    h0 = torch.zeros((1, 1, N_A), dtype=torch.float64)

    def epoch(order):
        total = 0.0
        for i in order:
            x, targets, mask = sequences[i]
            loss = torch_step(torch, model, output, x, h0, targets, mask, 1.0)
            total += loss
        return total

    return timed(epoch, problem)


def torch_batched(np, torch, problem, batch):
    model, output = torch_model(np, torch, problem)
    batches = {}

    def epoch(order):
        total = 0.0
        for indices in problem.batches(order, batch):
            key = tuple(indices)
            if key not in batches:
                x, targets, mask = one_hot_batch(problem, indices)
                batches[key] = (torch.from_numpy(np.ascontiguousarray(x.transpose(2, 1, 0))),   # (T, B, n_x)
                                torch.from_numpy(np.ascontiguousarray(targets.T)),
                                torch.from_numpy(np.ascontiguousarray(mask.T)))
            x, targets, mask = batches[key]
            B = x.shape[1]
            loss = torch_step(torch, model, output, x, torch.zeros((1, B, N_A), dtype=torch.float64),
                              targets, mask, 1.0 / B)
            total += loss
        return total

    return timed(epoch, problem)


# ------------------------------------------------------------------------------------------ driving
def worker(args):
    """One configuration, in a process whose thread counts were set before numpy was imported."""
    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    problem = Problem(np, load_names(args.subset), args.epochs)
    if args.batch == 1:
        reference, reference_loss = reference_per_name(np, problem)
        pytorch, torch_loss = torch_per_name(np, torch, problem)
    else:
        reference, reference_loss = reference_batched(np, problem, args.batch)
        pytorch, torch_loss = torch_batched(np, torch, problem, args.batch)
    print(json.dumps({"reference": reference, "torch": pytorch, "reference_loss": reference_loss,
                      "torch_loss": torch_loss}))


def run_configuration(threads, batch, args):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    command = [sys.executable, __file__, "--worker", "--threads", str(threads), "--batch", str(batch),
               "--epochs", str(args.epochs)]
    if args.subset:
        command += ["--subset", str(args.subset)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"the configuration {threads}-{batch}-float64 failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="thread counts (default 1 2)")
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 64, 256],
                        help="names per step (default 1 64 256; 1 is the lesson's regime)")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs per side, after one warm-up (default 3)")
    parser.add_argument("--subset", type=int, metavar="N", help="train on the first N training names only")
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object, {"ratios": {"THREADS-BATCH-DTYPE": reference / PyTorch}, ...}, '
                             "and nothing else on stdout")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.epochs < 1 or (args.subset is not None and args.subset < 1) or min(args.batches) < 1:
        parser.error("--epochs, --subset and --batches must be at least 1")
    if args.worker:
        args.threads = args.threads[0]
        return worker(args)
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is not installed: pip install torch (an optional benchmark dependency)")
    import numpy as np

    out = sys.stderr if args.json else sys.stdout
    m = len(load_names(args.subset))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}; "
          f"Python {platform.python_version()}, NumPy {np.__version__}, PyTorch {torch.__version__}", file=out)
    print(f"char_lm's RNN, n_a = {N_A}, gradient descent lr {LEARNING_RATE}, clipped at {CLIP:g}; {m} training "
          f"names; float64; median of {args.epochs} epochs after one warm-up\n", file=out)
    print("| threads | names per step | reference s/epoch | PyTorch s/epoch | ratio reference / PyTorch "
          "| loss per character, reference / PyTorch |", file=out)
    print("|---|---|---|---|---|---|", file=out)
    results = {}
    for threads in dict.fromkeys(args.threads):
        for batch in args.batches:
            r = run_configuration(threads, batch, args)
            results[f"{threads}-{batch}-float64"] = r
            print(f"| {threads} | {batch} | {r['reference']:.3f} | {r['torch']:.3f} | {r['reference'] / r['torch']:.2f} "
                  f"| {r['reference_loss']:.4f} / {r['torch_loss']:.4f} |", file=out, flush=True)
    if args.json:
        print(json.dumps({
            "ratios": {key: r["reference"] / r["torch"] for key, r in results.items()},
            "seconds_per_epoch": {key: {"reference": r["reference"], "pytorch": r["torch"]}
                                  for key, r in results.items()},
            "loss_per_character": {key: {"reference": r["reference_loss"], "pytorch": r["torch_loss"]}
                                   for key, r in results.items()},
            "epochs": args.epochs, "names": m,
            "versions": {"python": platform.python_version(), "numpy": np.__version__, "torch": torch.__version__},
        }))


if __name__ == "__main__":
    main()
