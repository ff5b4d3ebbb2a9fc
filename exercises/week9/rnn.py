r"""A recurrent network and an LSTM, one time step at a time, forwards and backwards through time.

What you will build
-------------------
A fully connected network reads an input of a fixed size all at once. A **recurrent** network reads a
sequence (the characters of a name, the words of a sentence, the samples of a sound) one element at a
time, and carries a **hidden state** :math:`a^{\langle t \rangle}` from each step to the next: the same
weights at every step, and a memory of what came before. At each step it may also emit a prediction
:math:`\hat y^{\langle t \rangle}` (the next character, say).

You write, as in the Deep Learning Specialization's "Building a recurrent neural network, step by
step":

1. ``rnn_cell_forward``: one step of a basic RNN;
2. ``rnn_forward``: that cell unrolled over the ``T_x`` steps of a sequence;
3. ``lstm_cell_forward``: one step of a long short-term memory (LSTM) cell, whose gates decide what to
   forget, what to write and what to show of a second state, the **memory cell** :math:`c^{\langle t \rangle}`;
4. ``lstm_forward``: the LSTM unrolled;
5. ``rnn_cell_backward``, ``rnn_backward``, ``lstm_cell_backward``, ``lstm_backward``: backpropagation
   through time, the gradients of every input and weight.

Given (complete): ``softmax`` over axis 0 and ``sigmoid``.

Notation
--------
Everything is vectorised over a mini-batch of ``m`` sequences of the same length ``T_x``:

- ``x`` of shape (n_x, m, T_x): ``x[:, :, t]`` (n_x, m) is the input of step ``t``, called ``xt``, one
  column per sequence;
- the hidden states ``a`` of shape (n_a, m, T_x): ``a[:, :, t]`` is :math:`a^{\langle t \rangle}`, the state
  *after* step ``t``; the initial state ``a0`` (n_a, m) comes before step 0 and is not in ``a``;
- the predictions ``y_pred`` (``y`` for the LSTM) of shape (n_y, m, T_x): a softmax over the ``n_y``
  classes of each step, so every column ``y_pred[:, i, t]`` sums to 1;
- for the LSTM, the memory cells ``c`` of shape (n_a, m, T_x), and :math:`c^{\langle 0 \rangle} = 0`.

RNN parameters: ``"Wax"`` (n_a, n_x), ``"Waa"`` (n_a, n_a), ``"Wya"`` (n_y, n_a), ``"ba"`` (n_a, 1),
``"by"`` (n_y, 1). LSTM parameters: ``"Wf"``, ``"Wi"``, ``"Wc"``, ``"Wo"`` of shape (n_a, n_a + n_x),
``"bf"``, ``"bi"``, ``"bc"``, ``"bo"`` (n_a, 1), ``"Wy"`` (n_y, n_a), ``"by"`` (n_y, 1). The biases are
columns: they broadcast over the ``m`` sequences.

The basic RNN cell
------------------
.. math::

    a^{\langle t \rangle} = \tanh\left(W_{aa} a^{\langle t-1 \rangle} + W_{ax} x^{\langle t \rangle} + b_a\right),
    \qquad
    \hat y^{\langle t \rangle} = \mathrm{softmax}\left(W_{ya} a^{\langle t \rangle} + b_y\right)

The LSTM cell
-------------
Every gate looks at the previous hidden state and the input stacked into one column,
:math:`[a^{\langle t-1 \rangle}; x^{\langle t \rangle}]` of n_a + n_x rows (``concat``, the rows of
``a_prev`` first, then those of ``xt``):

.. math::

    \Gamma_f &= \sigma(W_f [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_f)
        && \text{forget gate: how much of } c^{\langle t-1 \rangle} \text{ to keep} \\
    \Gamma_i &= \sigma(W_i [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_i)
        && \text{update (input) gate: how much of the candidate to write} \\
    \tilde c^{\langle t \rangle} &= \tanh(W_c [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_c)
        && \text{the candidate value} \\
    c^{\langle t \rangle} &= \Gamma_f \odot c^{\langle t-1 \rangle} + \Gamma_i \odot \tilde c^{\langle t \rangle}
        && \text{the new memory cell} \\
    \Gamma_o &= \sigma(W_o [a^{\langle t-1 \rangle}; x^{\langle t \rangle}] + b_o)
        && \text{output gate: how much of the cell to show} \\
    a^{\langle t \rangle} &= \Gamma_o \odot \tanh(c^{\langle t \rangle}), \qquad
    \hat y^{\langle t \rangle} = \mathrm{softmax}(W_y a^{\langle t \rangle} + b_y)

The gates are sigmoids, so each entry is a proportion in (0, 1); the candidate is a tanh, in (-1, 1). In
the code the gates are ``ft``, ``it``, ``ot`` and the candidate ``cct``, each (n_a, m).

Backpropagation through time
----------------------------
A hidden state :math:`a^{\langle t \rangle}` is used twice: by whatever sits above it (a loss, an
output layer), which sends the gradient ``da[:, :, t]``, and by the next step, which sends back the
gradient of its ``a_prev``. The two add up. So the unrolled backward passes go through the steps in
reverse, ``t = T_x - 1, ..., 0``, and feed each cell

.. math::

    da_{next} = da^{\langle t \rangle}_{\text{from above}} + da_{prev}^{\text{(from step } t+1)}

(zero from step ``T_x``, which does not exist). The LSTM's memory cell is carried the same way: step
``t + 1`` sends back ``dc_prev``, the ``dc_next`` of step ``t`` (nothing comes to ``c`` from above).
The weights are the same at every step, so their gradients are **summed** over the steps; ``dx[:, :, t]``
is step ``t``'s ``dxt``; ``da0`` is the gradient that the first step (``t = 0``) sends back to ``a0``.
As in week 8, nothing is divided by ``m``: these are the gradients of whatever ``da`` is the gradient of.

The cells' backward passes do not include the output layer (``Wya``, ``by`` / ``Wy``, ``by``): its
gradient would arrive in ``da`` from above, computed by the loss's own backward pass (``char_lm``
does that).

RNN cell, with :math:`a = a^{\langle t \rangle}` and :math:`dz = (1 - a^2) \odot da_{next}`
(:math:`\tanh'(z) = 1 - \tanh^2(z)`, and :math:`\tanh(z)` is ``a_next`` itself):

.. math::

    dx^{\langle t \rangle} = W_{ax}^T dz, \quad da_{prev} = W_{aa}^T dz, \quad
    dW_{ax} = dz\, x^{\langle t \rangle T}, \quad dW_{aa} = dz\, a^{\langle t-1 \rangle T}, \quad
    db_a = \textstyle\sum_{\text{examples}} dz

LSTM cell, the total gradient of the new memory cell first (it reaches :math:`c^{\langle t \rangle}`
from the next step and through :math:`a^{\langle t \rangle} = \Gamma_o \tanh(c^{\langle t \rangle})`):

.. math::

    dc &= dc_{next} + da_{next} \odot \Gamma_o \odot (1 - \tanh^2 c^{\langle t \rangle}) \\
    d\Gamma_o &= da_{next} \odot \tanh(c^{\langle t \rangle}) \odot \Gamma_o (1 - \Gamma_o), \quad
    d\tilde c = dc \odot \Gamma_i \odot (1 - \tilde c^2), \\
    d\Gamma_i &= dc \odot \tilde c \odot \Gamma_i (1 - \Gamma_i), \quad
    d\Gamma_f = dc \odot c^{\langle t-1 \rangle} \odot \Gamma_f (1 - \Gamma_f)

(each :math:`d\Gamma` is the gradient of the gate's pre-activation, the argument of its sigmoid or tanh). Then
for each gate :math:`g \in \{f, i, c, o\}`: :math:`dW_g = d\Gamma_g\, [a^{\langle t-1 \rangle}; x^{\langle t \rangle}]^T`,
:math:`db_g = \sum_{\text{examples}} d\Gamma_g`, and the gradient of the stacked input
:math:`\sum_g W_g^T d\Gamma_g` (n_a + n_x, m) splits into ``da_prev`` (its first n_a rows) and ``dxt``
(the other n_x rows). The memory cell goes back through the forget gate only:
:math:`dc_{prev} = dc \odot \Gamma_f`.

Check your work with ``python -m grader week9``.
"""

import numpy as np


# ------------------------------------------------------------------------------- given helpers
def softmax(x):
    """Softmax over axis 0: every column of ``x`` becomes a probability distribution (given).

    ``x`` (n_y, m) gives (n_y, m) with positive entries and columns that sum to 1. Each column's maximum
    is subtracted first, which changes nothing mathematically and keeps ``np.exp`` from overflowing.
    """
    x = np.asarray(x, dtype=np.float64)
    e_x = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e_x / np.sum(e_x, axis=0, keepdims=True)


def sigmoid(x):
    r"""Elementwise :math:`\sigma(x) = 1 / (1 + e^{-x})`, without overflow for large negative ``x`` (given)."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# ------------------------------------------------------------------------------------ forward
def rnn_cell_forward(xt, a_prev, parameters):
    r"""One step of a basic RNN.

    Parameters
    ----------
    xt : ndarray of shape (n_x, m)
        The inputs of this step, one column per sequence.
    a_prev : ndarray of shape (n_a, m)
        The hidden state of the previous step, :math:`a^{\langle t-1 \rangle}`.
    parameters : dict
        ``"Wax"`` (n_a, n_x), ``"Waa"`` (n_a, n_a), ``"Wya"`` (n_y, n_a), ``"ba"`` (n_a, 1), ``"by"`` (n_y, 1).

    Returns
    -------
    a_next : ndarray of shape (n_a, m)
        :math:`\tanh(W_{aa} a_{prev} + W_{ax} x_t + b_a)`.
    yt_pred : ndarray of shape (n_y, m)
        :math:`\mathrm{softmax}(W_{ya} a_{next} + b_y)`, the softmax over axis 0 (``softmax``, given):
        each column sums to 1.
    cache : tuple
        ``(a_next, a_prev, xt, parameters)``, for ``rnn_cell_backward``.
    """
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]
    ba, by = parameters["ba"], parameters["by"]
    # YOUR CODE HERE
    # Hint: two matrix products (np.dot) plus the bias through np.tanh give the new state; the prediction is
    # Hint: the given softmax of the output layer applied to that new state; the cache as the docstring lists it
    raise NotImplementedError()
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """The basic RNN over a whole sequence: ``rnn_cell_forward`` at every step, carrying the hidden state.

    Parameters
    ----------
    x : ndarray of shape (n_x, m, T_x)
        The inputs of every step: ``x[:, :, t]`` is step ``t``'s.
    a0 : ndarray of shape (n_a, m)
        The initial hidden state.
    parameters : dict
        As in ``rnn_cell_forward``.

    Returns
    -------
    a : ndarray of shape (n_a, m, T_x)
        ``a[:, :, t]`` is the hidden state after step ``t`` (``a0`` is not in it).
    y_pred : ndarray of shape (n_y, m, T_x)
        ``y_pred[:, :, t]`` is step ``t``'s prediction.
    caches : tuple
        ``(list of the T_x caches of rnn_cell_forward, in the order of the steps, x)``, for ``rnn_backward``.
    """
    # YOUR CODE HERE
    # Hint: read n_x, m, T_x from x.shape and n_y, n_a from the shape of Wya; a and y_pred start as zeros;
    # Hint: one loop over the steps: each step's cell gets the state the previous step returned (a0 for the
    # Hint: first), and its three results go into a, y_pred and the list of caches; return that list with x
    raise NotImplementedError()
    return a, y_pred, caches


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    r"""One step of an LSTM.

    Parameters
    ----------
    xt : ndarray of shape (n_x, m)
    a_prev : ndarray of shape (n_a, m)
        The hidden state of the previous step.
    c_prev : ndarray of shape (n_a, m)
        The memory cell of the previous step.
    parameters : dict
        ``"Wf"``, ``"Wi"``, ``"Wc"``, ``"Wo"`` (n_a, n_a + n_x); ``"bf"``, ``"bi"``, ``"bc"``, ``"bo"``
        (n_a, 1); ``"Wy"`` (n_y, n_a); ``"by"`` (n_y, 1).

    Returns
    -------
    a_next : ndarray of shape (n_a, m)
        :math:`\Gamma_o \odot \tanh(c_{next})`.
    c_next : ndarray of shape (n_a, m)
        :math:`\Gamma_f \odot c_{prev} + \Gamma_i \odot \tilde c`.
    yt_pred : ndarray of shape (n_y, m)
        :math:`\mathrm{softmax}(W_y a_{next} + b_y)` over axis 0.
    cache : tuple
        ``(a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)``: the gates
        :math:`\Gamma_f, \Gamma_i, \Gamma_o` (``ft``, ``it``, ``ot``) and the candidate :math:`\tilde c`
        (``cct``), each (n_a, m), for ``lstm_cell_backward``.

    Notes
    -----
    ``concat`` (n_a + n_x, m) stacks ``a_prev`` on top of ``xt``: the first n_a columns of every ``W``
    act on ``a_prev``, the last n_x on ``xt``. Then the module's equations, in order: the forget gate,
    the update gate, the candidate, the new cell, the output gate, the new hidden state, the prediction.
    """
    Wf, bf, Wi, bi = parameters["Wf"], parameters["bf"], parameters["Wi"], parameters["bi"]
    Wc, bc, Wo, bo = parameters["Wc"], parameters["bc"], parameters["Wo"], parameters["bo"]
    Wy, by = parameters["Wy"], parameters["by"]
    # YOUR CODE HERE
    # Hint: stack a_prev on top of xt (np.concatenate along axis 0: the rows of a_prev first);
    # Hint: the three gates are sigmoids of their W times that stack plus their b, the candidate a tanh;
    # Hint: the new cell keeps the forget gate's share of c_prev and adds the update gate's share of the candidate;
    # Hint: the new state is the output gate times the tanh of the new cell; then the softmax of the output layer;
    # Hint: the cache in the order of the docstring
    raise NotImplementedError()
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters):
    """The LSTM over a whole sequence: ``lstm_cell_forward`` at every step, carrying ``a`` and ``c``.

    Parameters
    ----------
    x : ndarray of shape (n_x, m, T_x)
    a0 : ndarray of shape (n_a, m)
        The initial hidden state; the initial memory cell is zeros of the same shape.
    parameters : dict
        As in ``lstm_cell_forward``.

    Returns
    -------
    a : ndarray of shape (n_a, m, T_x)
        The hidden state after every step.
    y : ndarray of shape (n_y, m, T_x)
        The prediction of every step.
    c : ndarray of shape (n_a, m, T_x)
        The memory cell after every step.
    caches : tuple
        ``(list of the T_x caches of lstm_cell_forward, x)``, for ``lstm_backward``.

    Note the order of the results, ``(a, y, c, caches)``: the predictions come before the cells.
    """
    # YOUR CODE HERE
    # Hint: as rnn_forward (n_y, n_a from the shape of Wy), with a third array c of zeros and a memory cell
    # Hint: carried from step to step beside the state: zeros before the first step; the caches as in rnn_forward
    raise NotImplementedError()
    return a, y, c, caches


# ----------------------------------------------------------------------------------- backward
def rnn_cell_backward(da_next, cache):
    r"""The backward pass of one step of a basic RNN (the output layer excluded).

    Parameters
    ----------
    da_next : ndarray of shape (n_a, m)
        The gradient with respect to this step's new hidden state ``a_next``.
    cache : tuple
        ``(a_next, a_prev, xt, parameters)`` from ``rnn_cell_forward``.

    Returns
    -------
    gradients : dict
        ``"dxt"`` (n_x, m), ``"da_prev"`` (n_a, m), ``"dWax"`` (n_a, n_x), ``"dWaa"`` (n_a, n_a),
        ``"dba"`` (n_a, 1): each the shape of what it is the gradient of.

    Notes
    -----
    Through the tanh first: ``dtanh = (1 - a_next ** 2) * da_next`` (n_a, m) is the gradient of the
    argument of the tanh; then the module's five equations. ``dba`` sums ``dtanh`` over the examples,
    axis 1, keeping the column shape.
    """
    (a_next, a_prev, xt, parameters) = cache
    Wax, Waa = parameters["Wax"], parameters["Waa"]
    # YOUR CODE HERE
    # Hint: the derivative of tanh is one minus its value squared, and a_next is that value;
    # Hint: each weight's gradient is that times the transpose of what the weight multiplied; each input's is
    # Hint: the transposed weight times it; the bias sums it over the examples (np.sum, axis=1, keepdims=True)
    raise NotImplementedError()
    gradients = {"dxt": dxt, "da_prev": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


def rnn_backward(da, caches):
    """Backpropagation through time for the basic RNN.

    Parameters
    ----------
    da : ndarray of shape (n_a, m, T_x)
        The gradient arriving at every hidden state from above: ``da[:, :, t]`` at ``a[:, :, t]``.
    caches : tuple
        ``(list of T_x caches, x)`` from ``rnn_forward``.

    Returns
    -------
    gradients : dict
        ``"dx"`` (n_x, m, T_x), ``"da0"`` (n_a, m), ``"dWax"`` (n_a, n_x), ``"dWaa"`` (n_a, n_a),
        ``"dba"`` (n_a, 1).

    Notes
    -----
    Go through the steps backwards, ``t = T_x - 1`` down to 0, with ``da_prevt`` (n_a, m) the gradient
    that step ``t + 1`` sent back (zeros at first). Step ``t``'s cell gets ``da[:, :, t] + da_prevt``:
    its state is used above *and* by the next step. ``dx[:, :, t]`` is its ``dxt``; the weights'
    gradients add up over the steps; ``da0`` is the ``da_prev`` of step 0.
    """
    (caches, x) = caches
    # YOUR CODE HERE
    # Hint: the sizes from da.shape and x.shape; zeros for dx, dWax, dWaa, dba and the carried gradient;
    # Hint: loop over the steps in reverse (reversed(range(...))), give each cell the sum of what arrives from
    # Hint: above and what the later step sent back; add up the weights' gradients
    raise NotImplementedError()
    gradients = {"dx": dx, "da0": da0, "dWax": dWax, "dWaa": dWaa, "dba": dba}
    return gradients


def lstm_cell_backward(da_next, dc_next, cache):
    r"""The backward pass of one step of an LSTM (the output layer excluded).

    Parameters
    ----------
    da_next : ndarray of shape (n_a, m)
        The gradient with respect to ``a_next``.
    dc_next : ndarray of shape (n_a, m)
        The gradient with respect to ``c_next`` that the next step sent back (zeros after the last step).
    cache : tuple
        ``(a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)`` from ``lstm_cell_forward``.

    Returns
    -------
    gradients : dict
        ``"dxt"`` (n_x, m), ``"da_prev"`` (n_a, m), ``"dc_prev"`` (n_a, m), and for each gate ``"dWf"``,
        ``"dWi"``, ``"dWc"``, ``"dWo"`` (n_a, n_a + n_x) and ``"dbf"``, ``"dbi"``, ``"dbc"``, ``"dbo"`` (n_a, 1).

    Notes
    -----
    The module's equations: first the total gradient ``dc`` of ``c_next`` (what came from the next step
    plus what comes through ``a_next = ot * tanh(c_next)``), then the gradients of the four
    pre-activations ``dot``, ``dcct``, ``dit``, ``dft`` (each (n_a, m)), then the weights (times
    ``concat.T``), the biases (summed over axis 1, keeping the column) and the inputs (``W[:, :n_a].T``
    for ``a_prev``, ``W[:, n_a:].T`` for ``xt``, summed over the four gates).
    """
    (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) = cache
    n_a, m = a_next.shape
    # YOUR CODE HERE
    # Hint: the tanh of c_next is used twice; dc adds dc_next and the share of da_next that passes through the
    # Hint: output gate and the derivative of that tanh; a sigmoid gate's derivative is g (1 - g), the
    # Hint: candidate's 1 - cct ** 2; the forget gate multiplied c_prev, the update gate the candidate;
    # Hint: rebuild the stack [a_prev; xt] for the weights; split each W into its a_prev columns and its xt columns
    raise NotImplementedError()
    gradients = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc_prev, "dWf": dWf, "dbf": dbf, "dWi": dWi,
                 "dbi": dbi, "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients


def lstm_backward(da, caches):
    """Backpropagation through time for the LSTM.

    Parameters
    ----------
    da : ndarray of shape (n_a, m, T_x)
        The gradient arriving at every hidden state from above; the number of steps is ``da.shape[2]``.
    caches : tuple
        ``(list of T_x caches, x)`` from ``lstm_forward``.

    Returns
    -------
    gradients : dict
        ``"dx"`` (n_x, m, T_x), ``"da0"`` (n_a, m), ``"dWf"``, ``"dWi"``, ``"dWc"``, ``"dWo"``
        (n_a, n_a + n_x), ``"dbf"``, ``"dbi"``, ``"dbc"``, ``"dbo"`` (n_a, 1).

    Notes
    -----
    As ``rnn_backward``, carrying two gradients backwards: ``da_prevt``, added to ``da[:, :, t]``, and
    ``dc_prevt``, which is step ``t``'s ``dc_next`` as it is (nothing reaches the memory cell from
    above). Both start as zeros. ``da0`` is the ``da_prev`` of step 0.
    """
    (caches, x) = caches
    # YOUR CODE HERE
    # Hint: the sizes from da.shape and x.shape; zeros for dx, the eight weight and bias gradients and the two
    # Hint: carried gradients; loop backwards over the steps, giving each cell the sum of what arrives from
    # Hint: above and the carried da, and the carried dc; add up the weights' gradients
    raise NotImplementedError()
    gradients = {"dx": dx, "da0": da0, "dWf": dWf, "dbf": dbf, "dWi": dWi, "dbi": dbi,
                 "dWc": dWc, "dbc": dbc, "dWo": dWo, "dbo": dbo}
    return gradients
