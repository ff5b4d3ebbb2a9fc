"""Week 9: a character-level RNN invents first names, and beats a character bigram model on held-out names.

Run from the repository root:

    python examples/week9_names.py [--iterations N] [--plots DIR]   # your code in exercises/week9/
    python examples/week9_names.py --solutions                       # the reference solutions: about 30 s
    python examples/week9_names.py --names FILE                      # your own list, one name per line

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
3. for scale, the uniform guess, ``log(vocab_size)``.

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
    args = parser.parse_args(argv)
    if args.iterations < 1:
        parser.error("--iterations must be at least 1")
    if args.hidden < 1:
        parser.error("--hidden must be at least 1")
    if not args.learning_rate > 0:
        parser.error("--learning-rate must be positive")
    if args.samples < 0:
        parser.error("--samples must be at least 0")
    train, held_out = load_names(args.names)   # bad data: one line and exit 2, before any code runs
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

    P = bigram_model(train, char_to_ix)
    rows = [("RNN (char_lm.model)", lm.cross_entropy_per_character(train, parameters, char_to_ix),
             lm.cross_entropy_per_character(held_out, parameters, char_to_ix)),
            ("character bigram, add-one", bigram_cross_entropy(train, P, char_to_ix),
             bigram_cross_entropy(held_out, P, char_to_ix)),
            ("uniform guess", np.log(len(char_to_ix)), np.log(len(char_to_ix)))]
    print("\ncross-entropy per character (every character and every end of name):\n")
    print("| model | train (nats) | held-out (nats) | held-out (bits) |")
    print("|---|---|---|---|")
    for model, train_ce, held_ce in rows:
        print(f"| {model} | {train_ce:.4f} | {held_ce:.4f} | {held_ce / np.log(2):.4f} |")
    rnn, bigram = rows[0][2], rows[1][2]
    if rnn < bigram:
        print(f"\nheld out: the RNN is lower than the bigram model by {bigram - rnn:.4f} nats per character")
    else:
        print(f"\nheld out: the RNN is not below the bigram model ({rnn - bigram:.4f} nats per character higher): "
              "train it longer (--iterations) or on more names")

    folder = plotting.figures_folder(args.plots)
    if folder is not None:
        save_figure(losses, folder)
    return parameters


if __name__ == "__main__":
    _course.run(main)
