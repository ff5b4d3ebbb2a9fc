"""Week 9: a character-level RNN invents first names, and beats a character bigram model on held-out names.

Run from the repository root:

    python examples/week9_names.py [--iterations N] [--plots DIR]   # your code in exercises/week9/
    python examples/week9_names.py --solutions                       # the reference solutions: about 30 s
    python examples/week9_names.py --names FILE                      # your own list, one name per line
    python examples/week9_names.py --lstm                            # also an LSTM from your rnn.py

Data: the US Census first names (``datasets.names``: 4647 training names, 516 held out, letters
a-z), or with ``--names`` any text file of names, one per line, split the same way (10 % held out,
seed 0). The vocabulary is the data's characters plus ``"\\n"``, the end of a name.

Models, on the same names:

1. week 9's ``char_lm.model``: a recurrent network with ``n_a = 50`` hidden units trained by SGD, one
   name per iteration, gradients clipped at 5, learning rate 0.01, 50,000 iterations (about eleven
   passes over the training names), rng 0; it prints the smoothed loss and a few invented names ten
   times while it trains;
2. a character **bigram** model: the probability of the next character given the previous one only
   (the start of the name counting as a previous character), from the counts on the same training
   names with add-one smoothing;
3. for scale, the uniform guess, ``log(vocab_size)``;
4. with ``--lstm``, an LSTM language model built from week 9's ``rnn.py`` (``lstm_forward`` and
   ``lstm_backward``, with a softmax output layer and its gradient written here): the same ``n_a``,
   trained with Adam (learning rate 0.01) on mini-batches of 32 names padded at the end (the padding
   masked out of the loss), 10 epochs, gradients clipped at 5.

It prints ten names sampled from the trained network (``*`` marks those that are in the training
list: the others are new) and one Markdown table: the cross-entropy per character, in nats and in
bits, on the training and on the held-out names, every character and every end of name counted
once. Lower is better; the network should be clearly below the bigram model on the held-out names,
since it sees the whole name so far, not just the last letter. ``--plots DIR`` saves the smoothed
training loss per iteration (``week9_loss.png``; needs matplotlib).

Bad input (a names file that does not exist, is not text or holds fewer than two names, or a
setting out of range) stops the example with one line on stderr and exit status 2.
"""

import sys
import time
from pathlib import Path

import numpy as np

import _course  # first among the course's imports: it puts the course folder on sys.path
import plotting

ITERATIONS = 50000
LEARNING_RATE = 0.01
HIDDEN = 50
SAMPLES = 10
SEED = 0
LSTM_EPOCHS = 10  # held out: 1.94 nats per character after 10 epochs, 1.96 after 20 (it starts to overfit)


def fail(message):
    """Bad input: one line on stderr, exit status 2 (``_course``'s status for a bad argument)."""
    print(f"week9_names.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def load_names(path=None):
    """``(train, held_out)`` lists of names: the census names, or those of the text file ``path``."""
    import datasets

    if path is not None and not Path(path).is_file():
        fail(f"no such names file: {path}")
    try:
        every_name = datasets.names("all", path=path)
        train, held_out = datasets.names("train", path=path), datasets.names("held_out", path=path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        fail(f"cannot read the names in {path or datasets.NAMES_FILE}: {' '.join(str(error).split())}")
    if len(every_name) < 2:
        fail(f"{path} holds {len(every_name)} name{'s' if len(every_name) != 1 else ''}; at least two are needed "
             "(one to train on, one to hold out)")
    return train, held_out


def bigram_model(names, char_to_ix):
    """``P`` (vocab_size, vocab_size): ``P[i, j]`` the probability of character ``j`` after character ``i``,
    from the counts in ``names`` plus one (add-one smoothing). Row ``char_to_ix["\\n"]`` is the start of
    a name (a name is read as if it followed a newline); column ``char_to_ix["\\n"]`` its end."""
    counts = np.ones((len(char_to_ix), len(char_to_ix)))
    for name in names:
        indices = [char_to_ix["\n"]] + [char_to_ix[ch] for ch in name] + [char_to_ix["\n"]]
        np.add.at(counts, (indices[:-1], indices[1:]), 1)
    return counts / counts.sum(axis=1, keepdims=True)


def bigram_cross_entropy(names, P, char_to_ix):
    """The bigram model's cross-entropy per character on ``names``, in nats (the end of a name counted)."""
    total, count = 0.0, 0
    for name in names:
        indices = [char_to_ix["\n"]] + [char_to_ix[ch] for ch in name] + [char_to_ix["\n"]]
        total -= float(np.sum(np.log(P[indices[:-1], indices[1:]])))
        count += len(indices) - 1
    return total / count


def one_hot_batch(names, char_to_ix):
    """A mini-batch of names as ``rnn.py`` takes sequences: ``x`` (n_x, B, T_x) one-hot, step 0 all zeros
    (the start of a name), the targets ``(B, T_x)`` (each name's characters, then ``"\\n"``) and the mask
    ``(B, T_x)``, 1 on every real step: the names are padded at the end to the longest one."""
    indices = [[char_to_ix[ch] for ch in name] for name in names]
    B, T_x = len(names), max(len(name) for name in indices) + 1
    x = np.zeros((len(char_to_ix), B, T_x))
    targets = np.full((B, T_x), char_to_ix["\n"])
    mask = np.zeros((B, T_x))
    for b, name in enumerate(indices):
        x[name, b, np.arange(1, len(name) + 1)] = 1.0
        targets[b, :len(name)] = name
        mask[b, :len(name) + 1] = 1.0
    return x, targets, mask


def lstm_loss(rnn, parameters, names, char_to_ix, gradients=False):
    """The summed cross-entropy of ``names`` under the LSTM (``rnn.lstm_forward``, every name from zero
    states), and with ``gradients`` those of every parameter (``rnn.lstm_backward`` for the LSTM, the
    softmax layer's here): ``(loss, count of characters, gradients or None)``."""
    x, targets, mask = one_hot_batch(names, char_to_ix)
    n_a, B, T_x = parameters["Wf"].shape[0], len(names), x.shape[2]
    a, y, _, caches = rnn.lstm_forward(x, np.zeros((n_a, B)), parameters)
    rows, steps = np.arange(B)[:, None], np.arange(T_x)[None, :]
    loss = -float(np.sum(np.log(y[targets, rows, steps]) * mask))
    if not gradients:
        return loss, int(mask.sum()), None
    dy = y.copy()                                           # softmax + cross-entropy: y - one_hot(target)
    dy[targets, rows, steps] -= 1.0
    dy *= mask                                              # (n_y, B, T_x): nothing from the padding
    grads = rnn.lstm_backward(np.einsum("ya,ybt->abt", parameters["Wy"], dy), caches)
    grads["dWy"] = np.einsum("ybt,abt->ya", dy, a)
    grads["dby"] = dy.sum(axis=(1, 2))[:, None]
    return loss, int(mask.sum()), grads


LSTM_KEYS = ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by")


def train_lstm(rnn, train, char_to_ix, n_a, rng, epochs=LSTM_EPOCHS, batch=32, learning_rate=0.01):
    """An LSTM language model trained with Adam on mini-batches of ``train``: its parameters and the mean
    loss per character of every epoch."""
    n_x = len(char_to_ix)
    parameters = {}
    for gate in "fico":
        parameters["W" + gate] = rng.standard_normal((n_a, n_a + n_x)) / np.sqrt(n_a + n_x)
        parameters["b" + gate] = np.full((n_a, 1), 1.0 if gate == "f" else 0.0)  # remember by default
    parameters["Wy"] = rng.standard_normal((n_x, n_a)) / np.sqrt(n_a)
    parameters["by"] = np.zeros((n_x, 1))
    v = {key: np.zeros_like(value) for key, value in parameters.items()}
    s = {key: np.zeros_like(value) for key, value in parameters.items()}
    beta1, beta2, step, history = 0.9, 0.999, 0, []
    for epoch in range(epochs):
        order = rng.permutation(len(train))
        total, count = 0.0, 0
        for start in range(0, len(order), batch):
            names = [train[i] for i in order[start:start + batch]]
            loss, characters, grads = lstm_loss(rnn, parameters, names, char_to_ix, gradients=True)
            total, count, step = total + loss, count + characters, step + 1
            for key in LSTM_KEYS:
                g = np.clip(grads["d" + key] / len(names), -5, 5)
                v[key] = beta1 * v[key] + (1 - beta1) * g
                s[key] = beta2 * s[key] + (1 - beta2) * g * g
                parameters[key] -= learning_rate * (v[key] / (1 - beta1 ** step)) / (
                    np.sqrt(s[key] / (1 - beta2 ** step)) + 1e-8)
        history.append(total / count)
        if sys.stdout.isatty():  # one line, redrawn; in a log, one line per epoch
            print(f"\r  epoch {epoch + 1}/{epochs}: loss per character {total / count:.4f}", end="", flush=True)
        else:
            print(f"  epoch {epoch + 1}/{epochs}: loss per character {total / count:.4f}", flush=True)
    if sys.stdout.isatty():
        print()
    return parameters, history


def lstm_cross_entropy(rnn, parameters, names, char_to_ix, chunk=256):
    """The LSTM's cross-entropy per character on ``names`` (every character and every end of name)."""
    total, count = 0.0, 0
    for start in range(0, len(names), chunk):
        loss, characters, _ = lstm_loss(rnn, parameters, names[start:start + chunk], char_to_ix)
        total, count = total + loss, count + characters
    return total / count


def lstm_sample(rnn, parameters, char_to_ix, rng, max_length=50):
    """A name drawn from the LSTM one character at a time (``rnn.lstm_cell_forward``), as ``char_lm.sample``
    draws from the RNN: the indices, ending with ``"\\n"``'s."""
    n_a, n_x = parameters["Wf"].shape[0], len(char_to_ix)
    x, a, c, indices = np.zeros((n_x, 1)), np.zeros((n_a, 1)), np.zeros((n_a, 1)), []
    while len(indices) < max_length and (not indices or indices[-1] != char_to_ix["\n"]):
        a, c, y, _ = rnn.lstm_cell_forward(x, a, c, parameters)
        index = int(rng.choice(n_x, p=y.ravel()))
        indices.append(index)
        x = np.zeros((n_x, 1))
        x[index] = 1.0
    return indices if indices[-1] == char_to_ix["\n"] else indices + [char_to_ix["\n"]]


def save_figure(losses, folder):
    every = max(1, len(losses) // 500)  # at most about 500 points
    path = plotting.plot_costs(losses[::every], path=folder / "week9_loss.png", every=every,
                               title="Smoothed loss per name (summed cross-entropy) during training")
    print(f"saved {path}")


def main(argv=None):
    parser = _course.parser(__doc__)
    parser.add_argument("--names", metavar="FILE", help="a text file of names, one per line (default: the US Census "
                                                        "first names of datasets/names.txt)")
    parser.add_argument("--iterations", type=int, default=ITERATIONS,
                        help=f"names trained on, one SGD step each (default {ITERATIONS})")
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE,
                        help=f"SGD's learning rate (default {LEARNING_RATE})")
    parser.add_argument("--hidden", type=int, default=HIDDEN, help=f"hidden units n_a (default {HIDDEN})")
    parser.add_argument("--samples", type=int, default=SAMPLES, help=f"names to invent at the end (default {SAMPLES})")
    parser.add_argument("--seed", type=int, default=SEED, help=f"rng of the training and the samples (default {SEED})")
    parser.add_argument("--plots", metavar="DIR", help="save the training loss curve in DIR")
    parser.add_argument("--lstm", action="store_true",
                        help="also train an LSTM language model built from your rnn.py (Adam, mini-batches of 32)")
    parser.add_argument("--epochs", type=int, default=LSTM_EPOCHS,
                        help=f"the LSTM's epochs, with --lstm (default {LSTM_EPOCHS})")
    args = parser.parse_args(argv)
    if args.iterations < 1:
        parser.error("--iterations must be at least 1")
    if args.hidden < 1:
        parser.error("--hidden must be at least 1")
    if not args.learning_rate > 0:
        parser.error("--learning-rate must be positive")
    if args.samples < 0:
        parser.error("--samples must be at least 0")
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    train, held_out = load_names(args.names)   # bad data: one line and exit 2, before any code runs
    if args.lstm:
        lm, rnn = _course.load(args, "week9.char_lm", "week9.rnn")
    else:
        lm = _course.load(args, "week9.char_lm")
    char_to_ix, ix_to_char = lm.build_vocabulary(train + held_out)  # the characters of the data, and "\n"
    print(f"data: {args.names or 'US Census first names'}: {len(train)} training / {len(held_out)} held-out names, "
          f"vocabulary of {len(char_to_ix)} characters ({''.join(sorted(set(char_to_ix) - {chr(10)}))} and the "
          "newline)")

    print(f"\nRNN n_a={args.hidden}, {args.iterations:,} iterations (one name each), SGD learning rate "
          f"{args.learning_rate}, gradients clipped at 5, rng {args.seed}", flush=True)
    start = time.perf_counter()
    parameters, losses = lm.model(train, ix_to_char, char_to_ix, num_iterations=args.iterations, n_a=args.hidden,
                                  rng=args.seed, verbose=True, learning_rate=args.learning_rate,
                                  print_every=max(1, args.iterations // 10), n_samples=5, return_losses=True)
    seconds = time.perf_counter() - start
    print(f"trained in {seconds:.1f} s")

    if args.samples:
        rng = np.random.default_rng(args.seed + 1)
        known = set(train)
        invented = [lm.indices_to_name(lm.sample(parameters, char_to_ix, rng=rng), ix_to_char)
                    for _ in range(args.samples)]
        print(f"\n{args.samples} names sampled from the RNN (* = in the training list):")
        print("  " + ", ".join(name + "*" * (name in known) for name in invented))

    lstm_row = None
    if args.lstm:
        print(f"\nLSTM n_a={args.hidden}, {args.epochs} epochs of mini-batches of 32 names, Adam learning rate 0.01, "
              f"gradients clipped at 5, rng {args.seed}", flush=True)
        start = time.perf_counter()
        lstm_parameters, _ = train_lstm(rnn, train, char_to_ix, args.hidden, np.random.default_rng(args.seed),
                                        epochs=args.epochs)
        print(f"trained in {time.perf_counter() - start:.1f} s")
        if args.samples:
            rng = np.random.default_rng(args.seed + 1)
            invented = [lm.indices_to_name(lstm_sample(rnn, lstm_parameters, char_to_ix, rng), ix_to_char)
                        for _ in range(args.samples)]
            print(f"\n{args.samples} names sampled from the LSTM (* = in the training list):")
            print("  " + ", ".join(name + "*" * (name in set(train)) for name in invented))
        lstm_row = ("LSTM (rnn.lstm_forward / lstm_backward, Adam)",
                    lstm_cross_entropy(rnn, lstm_parameters, train, char_to_ix),
                    lstm_cross_entropy(rnn, lstm_parameters, held_out, char_to_ix))

    P = bigram_model(train, char_to_ix)
    rows = [("RNN (char_lm.model)", lm.cross_entropy_per_character(train, parameters, char_to_ix),
             lm.cross_entropy_per_character(held_out, parameters, char_to_ix)),
            ("character bigram, add-one", bigram_cross_entropy(train, P, char_to_ix),
             bigram_cross_entropy(held_out, P, char_to_ix)),
            ("uniform guess", np.log(len(char_to_ix)), np.log(len(char_to_ix)))]
    if lstm_row is not None:
        rows.insert(1, lstm_row)
    print("\ncross-entropy per character (every character and every end of name):\n")
    print("| model | train (nats) | held-out (nats) | held-out (bits) |")
    print("|---|---|---|---|")
    for model, train_ce, held_ce in rows:
        print(f"| {model} | {train_ce:.4f} | {held_ce:.4f} | {held_ce / np.log(2):.4f} |")
    rnn_ce, bigram = rows[0][2], rows[-2][2]
    if rnn_ce < bigram:
        print(f"\nheld out: the RNN is lower than the bigram model by {bigram - rnn_ce:.4f} nats per character")
    else:
        print(f"\nheld out: the RNN is not below the bigram model ({rnn_ce - bigram:.4f} nats per character higher): "
              "train it longer (--iterations) or on more names")
    if lstm_row is not None:
        difference = rnn_ce - lstm_row[2]
        print(f"held out: the LSTM is {'lower' if difference > 0 else 'higher'} than the RNN by {abs(difference):.4f} "
              "nats per character")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        save_figure(losses, folder)
    return parameters


if __name__ == "__main__":
    _course.run(main)
