r"""A character-level language model that invents first names.

What you will build
-------------------
A recurrent network that reads a name one character at a time and, at every step, gives the
probabilities of the next character. Trained on the 4647 training names of the US Census lists
(``datasets.names("train")``), it learns which letters follow which, how names begin and how they
end; then it *writes* names by drawing one character after another from its own predictions, as in
the Deep Learning Specialization's "Dinosaurus Island" (there with dinosaur names)::

    import datasets
    train = datasets.names("train")
    char_to_ix, ix_to_char = build_vocabulary(train)
    parameters = model(train, ix_to_char, char_to_ix, num_iterations=30000, rng=0, verbose=True)
    indices_to_name(sample(parameters, char_to_ix, rng=1), ix_to_char)     # e.g. 'marian'
    cross_entropy_per_character(datasets.names("held_out"), parameters, char_to_ix)

You write four functions:

1. ``clip``: every gradient limited to ``[-maxValue, maxValue]``, so that one unlucky name cannot
   throw the parameters far away (exploding gradients);
2. ``sample``: a new name, drawn character by character from the model;
3. ``optimize``: one step of training on one name (forward, backward, clip, update);
4. ``model``: the training loop over the names.

Given: the vocabulary (``build_vocabulary``), the softmax, the parameters' initialization, the
forward and backward pass over one name (``rnn_forward``, ``rnn_backward``: what ``rnn.py`` builds
for a batch, here for one sequence, as in the Deep Learning Specialization), the parameter update,
the smoothing of the loss, and the held-out evaluation (``cross_entropy_per_character``).

Notation
--------
- The **vocabulary**: the characters of the names (``a``-``z`` for the census names) plus ``"\n"``,
  which marks the end of a name; ``char_to_ix["\n"] = 0``, the letters follow in alphabetical order,
  and ``ix_to_char`` maps the indices back. ``vocab_size = n_x = n_y`` (27 for the census names).
- A character is fed to the network as a one-hot column ``x`` of shape (vocab_size, 1); a name is a
  sequence of ``T`` such columns, one example at a time (``m = 1``).
- ``parameters``: ``"Wax"`` (n_a, n_x), ``"Waa"`` (n_a, n_a), ``"Wya"`` (n_y, n_a), ``"b"`` (n_a, 1)
  and ``"by"`` (n_y, 1); ``gradients``: ``"dWax"``, ``"dWaa"``, ``"dWya"``, ``"db"``, ``"dby"``, each
  the shape of its parameter. ``a`` (n_a, 1) is the hidden state.
- One name as training data: ``X`` and ``Y``, lists of ``T`` character indices. ``X[0]`` is
  ``None``, which stands for the zero vector (nothing has been read yet); then come the name's
  characters. ``Y`` is ``X`` shifted by one and closed by ``"\n"``: at step ``t`` the network
  reads ``X[t]`` and must predict ``Y[t]``. For ``"anna"`` (five steps)::

      X = [None, 1, 14, 14, 1]     # (nothing), a, n, n, a
      Y = [1, 14, 14, 1, 0]        # a, n, n, a, "\n"

  From nothing predict ``a``, from ``a`` predict ``n``, ..., from the last ``a`` predict the end.

The equations
-------------
One time step (``rnn_step_forward``):

.. math::

    a^{\langle t \rangle} = \tanh(W_{ax} x^{\langle t \rangle} + W_{aa} a^{\langle t-1 \rangle} + b),
    \qquad \hat y^{\langle t \rangle} = \text{softmax}(W_{ya} a^{\langle t \rangle} + b_y)

The loss of a name is the **summed** cross-entropy of its ``T`` predictions,
:math:`\mathcal{L} = -\sum_t \log \hat y^{\langle t \rangle}_{Y[t]}`; its gradients come from
backpropagation through time (``rnn_backward``). Training is plain stochastic gradient descent, one
name per step, with the gradients clipped at 5 first. A network this deep in time is prone to
**exploding gradients**: a gradient of 100 on one name would undo what a thousand names taught.

Sampling draws the first character from :math:`\hat y^{\langle 1 \rangle}` (input: the zero vector,
hidden state: zeros), feeds the character drawn back in as the next input, and goes on until it
draws ``"\n"``, or until ``max_length`` characters, where it writes the ``"\n"`` itself. Drawing at
random (not taking the most likely character) is what makes the names varied: the most likely
character after "ma" is always the same one.

How good is the model? The **cross-entropy per character** on names it never saw,
:math:`-\frac{1}{N}\sum \log \hat y_{\text{next}}` over every character and every end of name, in
nats: the uniform guess over 27 characters scores :math:`\ln 27 \approx 3.30`; a character bigram
model (the next character from the previous one only, counted on the training names, add-one
smoothing) 2.36 on the held-out names; this model with ``n_a = 50`` 2.08 after 50,000 iterations
(``examples/week9_names.py`` measures both).

Where this differs from the Deep Learning Specialization
--------------------------------------------------------
- Randomness is explicit: ``rng`` (None, a seed or a ``numpy.random.Generator``), never numpy's
  global state. ``sample`` draws with ``rng.choice``; ``model`` uses its ``rng`` for the
  initialization and for the order of the names.
- Each name starts from the zero hidden state in ``model`` (the notebook carries the last hidden state
  of one name on to the next): names are independent, and ``sample`` and the held-out evaluation
  start each name from zeros too.
- ``clip`` returns a new dict and leaves the caller's arrays alone (the notebook clips in place).
- ``optimize`` updates ``parameters`` **in place**, as the notebook does: it returns the loss, the
  gradients and the last hidden state, not the parameters, so the caller's dict is the model. It is
  the one function of the course that changes its argument.

Check your work with ``python -m grader week9``.
"""

import numbers

import numpy as np

NEWLINE = "\n"  # the end-of-name character, index 0 of every vocabulary
PARAMETER_KEYS = ("Wax", "Waa", "Wya", "b", "by")
GRADIENT_KEYS = tuple("d" + key for key in PARAMETER_KEYS)


# ----------------------------------------------------------------------------- given: checks
def check_names(names, char_to_ix):
    """Raise a ValueError naming what is wrong with a list of names for this vocabulary (given).

    ``names`` must be a non-empty list (or tuple) of non-empty strings whose characters are all in
    ``char_to_ix``, which must map ``"\\n"`` to 0.
    """
    if not isinstance(char_to_ix, dict) or char_to_ix.get(NEWLINE) != 0:
        raise ValueError('char_to_ix must be a dict that maps "\\n" (the end of a name) to 0; '
                         "build it with build_vocabulary(names)")
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise ValueError(f"names must be a list of strings, got {type(names).__name__}")
    if len(names) == 0:
        raise ValueError("names is empty: there is nothing to learn from or to evaluate")
    for name in names:
        if not isinstance(name, str) or not name:
            raise ValueError(f"every name must be a non-empty string, got {name!r}")
        unknown = sorted(set(name) - set(char_to_ix))
        if unknown:
            raise ValueError(f"the name {name!r} has characters outside the vocabulary: "
                             f"{', '.join(map(repr, unknown))} (the vocabulary has {len(char_to_ix)} characters)")


def check_parameters(parameters, vocab_size=None):
    """Raise a ValueError unless ``parameters`` holds the five arrays of one RNN (given).

    Returns
    -------
    (n_a, vocab_size) : tuple of int
    """
    if not isinstance(parameters, dict) or any(key not in parameters for key in PARAMETER_KEYS):
        found = sorted(parameters) if isinstance(parameters, dict) else type(parameters).__name__
        raise ValueError(f"parameters must be a dict with the keys {list(PARAMETER_KEYS)}; got {found}")
    n_a, n_x = np.shape(parameters["Wax"])
    expected = {"Wax": (n_a, n_x), "Waa": (n_a, n_a), "Wya": (n_x, n_a), "b": (n_a, 1), "by": (n_x, 1)}
    for key, shape in expected.items():
        if np.shape(parameters[key]) != shape:
            raise ValueError(f"parameters[{key!r}] must have shape {shape} (n_a = {n_a} and vocab_size = {n_x} "
                             f"from Wax); got {np.shape(parameters[key])}")
    if vocab_size is not None and n_x != vocab_size:
        raise ValueError(f"the parameters are for {n_x} characters but the vocabulary has {vocab_size}")
    return n_a, n_x


def check_sequence(X, Y, vocab_size):
    """Raise a ValueError unless ``X`` and ``Y`` are lists of indices of one name (given)."""
    if not isinstance(X, (list, tuple)) or not isinstance(Y, (list, tuple)) or len(X) != len(Y) or not X:
        raise ValueError(f"X and Y must be non-empty lists of the same length, got {X!r} and {Y!r}")
    for where, values in (("X", X[1:] if X[0] is None else X), ("Y", Y)):
        for value in values:
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= value < vocab_size:
                raise ValueError(f"{where} must hold character indices 0..{vocab_size - 1} (X[0] may be None), "
                                 f"got {value!r}")


def _count(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


# ------------------------------------------------------------------------ given: vocabulary
def build_vocabulary(names):
    """The vocabulary of a list of names: ``"\\n"`` first, then their characters in sorted order (given).

    Parameters
    ----------
    names : list of str

    Returns
    -------
    char_to_ix : dict of str -> int
        ``char_to_ix["\\n"] == 0``; for the census names ``char_to_ix["a"] == 1`` ... ``char_to_ix["z"] == 26``.
    ix_to_char : dict of int -> str
        The inverse mapping.
    """
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or len(names) == 0:
        raise ValueError("build_vocabulary needs a non-empty list of names")
    if not all(isinstance(name, str) for name in names):
        raise ValueError("build_vocabulary needs a list of strings")
    characters = sorted(set("".join(names)) - {NEWLINE})
    chars = [NEWLINE] + characters
    char_to_ix = {ch: i for i, ch in enumerate(chars)}
    ix_to_char = {i: ch for i, ch in enumerate(chars)}
    return char_to_ix, ix_to_char


def name_to_sequences(name, char_to_ix):
    """``(X, Y)`` for one name (given): ``X = [None] + indices``, ``Y = X[1:] + [char_to_ix["\\n"]]``."""
    X = [None] + [char_to_ix[ch] for ch in name]
    Y = X[1:] + [char_to_ix[NEWLINE]]
    return X, Y


def indices_to_name(indices, ix_to_char):
    """The characters of ``indices`` (a list from ``sample``) as a string, without the final ``"\\n"`` (given)."""
    return "".join(ix_to_char[int(i)] for i in indices).rstrip(NEWLINE)


# --------------------------------------------------------------------------- given: the network
def softmax(x):
    """Softmax over axis 0 (the characters) of ``x`` (n_y, m), numerically stable (given)."""
    e_x = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e_x / np.sum(e_x, axis=0, keepdims=True)


def initialize_parameters(n_a, n_x, n_y, rng=None):
    """Small random weights and zero biases (given).

    ``Wax``, ``Waa``, ``Wya`` are drawn in this order as ``0.01 * rng.standard_normal(shape)``.

    Parameters
    ----------
    n_a : int
        Number of hidden units.
    n_x, n_y : int
        Sizes of the input and the output, both ``vocab_size`` here.
    rng : None, int or numpy.random.Generator

    Returns
    -------
    parameters : dict
        ``"Wax"`` (n_a, n_x), ``"Waa"`` (n_a, n_a), ``"Wya"`` (n_y, n_a), ``"b"`` (n_a, 1) zeros,
        ``"by"`` (n_y, 1) zeros.
    """
    rng = np.random.default_rng(rng)
    Wax = 0.01 * rng.standard_normal((n_a, n_x))
    Waa = 0.01 * rng.standard_normal((n_a, n_a))
    Wya = 0.01 * rng.standard_normal((n_y, n_a))
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "b": np.zeros((n_a, 1)), "by": np.zeros((n_y, 1))}


def rnn_step_forward(parameters, a_prev, x):
    """One time step (given): ``a_next = tanh(Wax x + Waa a_prev + b)``, ``p_t = softmax(Wya a_next + by)``.

    Parameters
    ----------
    parameters : dict
    a_prev : ndarray of shape (n_a, 1)
    x : ndarray of shape (vocab_size, 1)
        The one-hot input (or zeros).

    Returns
    -------
    a_next : ndarray of shape (n_a, 1)
    p_t : ndarray of shape (vocab_size, 1)
        The probabilities of the next character.
    """
    a_next = np.tanh(parameters["Wax"] @ x + parameters["Waa"] @ a_prev + parameters["b"])
    p_t = softmax(parameters["Wya"] @ a_next + parameters["by"])
    return a_next, p_t


def one_hot(index, vocab_size):
    """The column (vocab_size, 1) with a 1 at ``index``; zeros for ``index=None`` (given)."""
    x = np.zeros((vocab_size, 1))
    if index is not None:
        x[index] = 1
    return x


def rnn_forward(X, Y, a0, parameters, vocab_size=None):
    """The forward pass over one name and its summed cross-entropy (given).

    Parameters
    ----------
    X : list of T int (``X[0]`` may be None: the zero vector)
    Y : list of T int
        The character to predict at each step.
    a0 : ndarray of shape (n_a, 1)
        The hidden state before the first step (zeros for a new name).
    parameters : dict
    vocab_size : int, optional
        Default: the number of columns of ``parameters["Wax"]``.

    Returns
    -------
    loss : float
        :math:`-\\sum_t \\log \\hat y^{\\langle t \\rangle}[Y[t]]`, summed over the ``T`` steps.
    cache : tuple
        ``(y_hat, a, x)``: dicts keyed by the step ``t = 0 .. T-1`` of the probabilities (vocab_size, 1),
        the hidden states (n_a, 1) and the inputs (vocab_size, 1); ``a[-1]`` is ``a0``.
    """
    vocab_size = parameters["Wax"].shape[1] if vocab_size is None else vocab_size
    x, a, y_hat = {}, {-1: np.copy(a0)}, {}
    loss = 0.0
    for t in range(len(X)):
        x[t] = one_hot(X[t], vocab_size)
        a[t], y_hat[t] = rnn_step_forward(parameters, a[t - 1], x[t])
        loss -= np.log(y_hat[t][Y[t], 0])
    return float(loss), (y_hat, a, x)


def rnn_backward(X, Y, parameters, cache):
    """Backpropagation through time over one name (given).

    Parameters
    ----------
    X, Y : lists of T int
    parameters : dict
    cache : tuple
        ``(y_hat, a, x)`` from ``rnn_forward``.

    Returns
    -------
    gradients : dict
        ``"dWax"`` (n_a, n_x), ``"dWaa"`` (n_a, n_a), ``"dWya"`` (n_y, n_a), ``"db"`` (n_a, 1),
        ``"dby"`` (n_y, 1): the gradients of the summed loss, not clipped.
    a : dict
        The hidden states of ``cache``: ``a[len(X) - 1]`` is the last one.
    """
    y_hat, a, x = cache
    Waa, Wya = parameters["Waa"], parameters["Wya"]
    gradients = {"d" + key: np.zeros_like(parameters[key]) for key in PARAMETER_KEYS}
    da_next = np.zeros_like(a[0])
    for t in reversed(range(len(X))):
        dy = np.copy(y_hat[t])
        dy[Y[t]] -= 1                                 # softmax + cross-entropy: y_hat - one_hot(Y[t])
        gradients["dWya"] += dy @ a[t].T
        gradients["dby"] += dy
        da = Wya.T @ dy + da_next                      # from the output and from the next step
        daraw = (1 - a[t] * a[t]) * da                 # through the tanh
        gradients["db"] += daraw
        gradients["dWax"] += daraw @ x[t].T
        gradients["dWaa"] += daraw @ a[t - 1].T
        da_next = Waa.T @ daraw
    return gradients, a


def update_parameters(parameters, gradients, learning_rate):
    """One step of gradient descent, **in place** on ``parameters`` (given; as in the Deep Learning
    Specialization: the caller's dict is the model). Returns ``parameters``."""
    for key in PARAMETER_KEYS:
        parameters[key] = parameters[key] - learning_rate * gradients["d" + key]
    return parameters


def smooth(loss, cur_loss):
    """The running loss: ``0.999 * loss + 0.001 * cur_loss`` (given), an average over about 1000 names."""
    return loss * 0.999 + cur_loss * 0.001


def initial_loss(vocab_size, names):
    """Where the smoothed loss starts (given): the summed loss of a uniform guess on a name of average
    length, ``log(vocab_size)`` per character, the end of the name included."""
    return float(np.log(vocab_size) * np.mean([len(name) + 1 for name in names]))


def cross_entropy_per_character(names, parameters, char_to_ix):
    """The model's cross-entropy per character on ``names``, in nats (given).

    Each name is read from the zero hidden state; every character and every end of name (``"\\n"``)
    counts once: the summed loss of every name divided by ``sum(len(name) + 1)``.

    Parameters
    ----------
    names : list of str
    parameters : dict
    char_to_ix : dict of str -> int

    Returns
    -------
    float
        Lower is better; ``log(vocab_size)`` is the uniform guess. Divide by ``log(2)`` for bits.
    """
    check_names(names, char_to_ix)
    n_a, _ = check_parameters(parameters, len(char_to_ix))
    total, count = 0.0, 0
    for name in names:
        X, Y = name_to_sequences(name, char_to_ix)
        loss, _ = rnn_forward(X, Y, np.zeros((n_a, 1)), parameters)
        total += loss
        count += len(Y)
    return total / count


def report_progress(iteration, loss, parameters, char_to_ix, ix_to_char, n_samples=7):
    """Print the iteration, the smoothed loss and ``n_samples`` names sampled from the model (given).

    The names are drawn with generators of their own (seeds 0, 1, ...), so printing never changes
    what ``model`` learns, and the same seeds show how the same draws turn into better names.
    """
    invented = [indices_to_name(sample(parameters, char_to_ix, rng=np.random.default_rng(seed)), ix_to_char)
                for seed in range(n_samples)]
    print(f"Iteration {iteration}, loss {loss:.4f}: {', '.join(invented)}", flush=True)


# --------------------------------------------------------------------------------------- clip
def clip(gradients, maxValue):
    """Every gradient limited to ``[-maxValue, maxValue]``, in a new dict.

    Parameters
    ----------
    gradients : dict
        ``"dWax"``, ``"dWaa"``, ``"dWya"``, ``"db"``, ``"dby"`` (or any dict of arrays).
    maxValue : float > 0

    Returns
    -------
    gradients : dict
        A **new** dict with the same keys; each array clipped entry by entry: values above
        ``maxValue`` become ``maxValue``, values below ``-maxValue`` become ``-maxValue``, the others
        stay as they are. The caller's dict and arrays are left unchanged.
    """
    if isinstance(maxValue, bool) or not isinstance(maxValue, numbers.Real) or not maxValue > 0:
        raise ValueError(f"maxValue must be a positive number, got {maxValue!r}")
    # YOUR CODE HERE
    # Hint: np.clip with both bounds, once per entry, into a new dict (a dict comprehension);
    # Hint: without out=..., np.clip returns a new array and leaves the original alone
    raise NotImplementedError()
    return clipped


# ------------------------------------------------------------------------------------- sample
def sample(parameters, char_to_ix, rng=None, max_length=50):
    """Invent a name: draw characters from the model, one after the other, until ``"\\n"``.

    Parameters
    ----------
    parameters : dict
        ``"Wax"``, ``"Waa"``, ``"Wya"``, ``"b"``, ``"by"``.
    char_to_ix : dict of str -> int
        The vocabulary (``char_to_ix["\\n"] == 0``).
    rng : None, int or numpy.random.Generator
        Where the draws come from: the same seed gives the same name.
    max_length : int >= 0, default 50
        At most this many characters are drawn.

    Returns
    -------
    indices : list of int
        The indices drawn, ending with ``char_to_ix["\\n"]``: either the ``"\\n"`` drawn (after at most
        ``max_length`` draws, the ``"\\n"`` counted) or, when ``max_length`` characters came without
        one, those characters and a ``"\\n"`` appended. So the list has at most ``max_length + 1``
        entries and ``"\\n"`` only at its end.

    Notes
    -----
    Start with the zero vector as input and a zero hidden state. At each step: one
    ``rnn_step_forward`` gives the new hidden state and the probabilities ``p`` (vocab_size, 1) of the
    next character; draw its index with ``rng.choice(vocab_size, p=p.ravel())``; append it; the
    character drawn, one-hot, is the next input and the new hidden state the next ``a_prev``.
    """
    n_a, vocab_size = check_parameters(parameters, len(char_to_ix))
    max_length = _count(max_length, "max_length", 0)
    rng = np.random.default_rng(rng)
    newline = char_to_ix[NEWLINE]
    # YOUR CODE HERE
    # Hint: x and a_prev start as zeros; loop while fewer than max_length indices were drawn and the last
    # Hint: one was not the newline's; each step draws one index (rng.choice with p=...) and prepares the
    # Hint: next input (one_hot of the index drawn) and the next a_prev; the newline goes at the end if missing
    raise NotImplementedError()
    return indices


# ----------------------------------------------------------------------------------- optimize
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    """One step of training on one name: forward, backward, clip at 5, update.

    Parameters
    ----------
    X : list of T int
        The name's inputs: ``None`` (the zero vector) then its character indices.
    Y : list of T int
        The targets: ``X`` shifted by one, ending with ``char_to_ix["\\n"]``.
    a_prev : ndarray of shape (n_a, 1)
        The hidden state before the first step.
    parameters : dict
        ``"Wax"``, ``"Waa"``, ``"Wya"``, ``"b"``, ``"by"``: **updated in place** (``update_parameters``).
    learning_rate : float, default 0.01

    Returns
    -------
    loss : float
        The summed cross-entropy of the name, from the forward pass **before** the update.
    gradients : dict
        ``"dWax"``, ``"dWaa"``, ``"dWya"``, ``"db"``, ``"dby"``, clipped to ``[-5, 5]``: the step taken
        is ``-learning_rate`` times these.
    a_last : ndarray of shape (n_a, 1)
        The hidden state after the last step, ``a[len(X) - 1]``.
    """
    _, vocab_size = check_parameters(parameters)
    check_sequence(X, Y, vocab_size)
    # YOUR CODE HERE
    # Hint: the given rnn_forward, then rnn_backward with its cache, then clip (maxValue 5), then
    # Hint: update_parameters with the clipped gradients; a_last is the hidden state of the last step
    raise NotImplementedError()
    return loss, gradients, a_last


# -------------------------------------------------------------------------------------- model
def model(names, ix_to_char, char_to_ix, num_iterations=35000, n_a=50, rng=None, verbose=False,
          learning_rate=0.01, print_every=2000, n_samples=7, return_losses=False):
    """Train the language model on ``names``, one name per iteration.

    Parameters
    ----------
    names : list of str
        The training names (not modified).
    ix_to_char, char_to_ix : dict
        The vocabulary (``build_vocabulary``); every character of ``names`` must be in it.
    num_iterations : int, default 35000
        Number of names trained on (one step of ``optimize`` each); the list is gone through again
        from its start when it runs out.
    n_a : int, default 50
        Number of hidden units.
    rng : None, int or numpy.random.Generator
        Draws the initial parameters first, then the order of the names.
    verbose : bool, default False
        Every ``print_every`` iterations (from iteration 0), print the smoothed loss and
        ``n_samples`` invented names (``report_progress``).
    learning_rate : float, default 0.01
    return_losses : bool, default False
        Also return the smoothed loss of every iteration (for a learning curve).

    Returns
    -------
    parameters : dict
        The trained ``"Wax"`` (n_a, vocab_size), ``"Waa"`` (n_a, n_a), ``"Wya"`` (vocab_size, n_a),
        ``"b"`` (n_a, 1), ``"by"`` (vocab_size, 1).
    losses : list of float
        Only with ``return_losses=True``, as ``(parameters, losses)``: ``num_iterations`` values.

    Notes
    -----
    The loop, as in the Deep Learning Specialization: the names in the order of one
    ``rng.permutation(len(names))`` (a shuffled copy: the caller's list stays as it is); at iteration
    ``j`` the name ``j % len(names)`` of that order becomes ``X = [None] + its indices`` and
    ``Y = X[1:] + [char_to_ix["\\n"]]`` (``name_to_sequences``); one ``optimize`` step from the zero
    hidden state ``(n_a, 1)`` with ``learning_rate``; the loss it returns goes into the running loss,
    ``loss = smooth(loss, curr_loss)``, which starts at ``initial_loss`` and is appended to
    ``losses`` after every step.
    """
    check_names(names, char_to_ix)
    if len(ix_to_char) != len(char_to_ix) or any(ix_to_char.get(i) != ch for ch, i in char_to_ix.items()):
        raise ValueError("ix_to_char must be the inverse of char_to_ix (build both with build_vocabulary)")
    num_iterations = _count(num_iterations, "num_iterations", 0)
    n_a = _count(n_a, "n_a", 1)
    print_every = _count(print_every, "print_every", 1)
    rng = np.random.default_rng(rng)
    vocab_size = len(char_to_ix)
    parameters = initialize_parameters(n_a, vocab_size, vocab_size, rng)
    loss = initial_loss(vocab_size, names)
    losses = []
    # YOUR CODE HERE
    # Hint: first the shuffled order of the names (rng.permutation, after the parameters were drawn);
    # Hint: then, at every iteration: the name, its X and Y, one optimize step from a zero hidden state,
    # Hint: the smoothed loss appended to losses, and report_progress when verbose and j is a multiple of print_every
    raise NotImplementedError()
    return (parameters, losses) if return_losses else parameters
