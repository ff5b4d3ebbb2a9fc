"""Mistakes learners make in week9/rnn.py (see grader/tools/mistakes.py).

Each entry changes lines of the reference's definition of one graded function, so its code uses
that module's names: ``np``, the given ``softmax`` and ``sigmoid``, and the module's own
``rnn_cell_forward``, ``lstm_cell_forward``, ``rnn_cell_backward``, ``lstm_cell_backward``.
"""
from grader.tools.mistakes import patch


# ---------------------------------------------------------------------------- rnn_cell_forward
prediction_without_softmax = patch("rnn_cell_forward", "This looks like yt_pred left as the scores of the output "
    "layer: the prediction is their softmax, so that each column is a probability distribution.",
    {"yt_pred = softmax(np.dot(Wya, a_next) + by)": "yt_pred = np.dot(Wya, a_next) + by"})

softmax_over_the_examples = patch("rnn_cell_forward", "This looks like a softmax over axis 1, across the examples: "
    "each column (one example) must sum to 1, so the softmax runs over axis 0, the classes.",
    {"yt_pred = softmax(np.dot(Wya, a_next) + by)":
     "scores = np.exp(np.dot(Wya, a_next) + by)\nyt_pred = scores / np.sum(scores, axis=1, keepdims=True)"})

sigmoid_for_the_state = patch("rnn_cell_forward", "This looks like a sigmoid for the new hidden state: the basic "
    "RNN cell uses tanh, whose values lie in (-1, 1).",
    {"a_next = np.tanh(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)":
     "a_next = sigmoid(np.dot(Waa, a_prev) + np.dot(Wax, xt) + ba)"})

prediction_from_the_previous_state = patch("rnn_cell_forward", "This looks like the prediction made from a_prev: "
    "the output layer reads the new state a_next that this step has just computed.",
    {"yt_pred = softmax(np.dot(Wya, a_next) + by)": "yt_pred = softmax(np.dot(Wya, a_prev) + by)"})

cache_in_another_order = patch("rnn_cell_forward", "This looks like the cache in another order: rnn_cell_backward "
    "unpacks it as (a_next, a_prev, xt, parameters).",
    {"cache = (a_next, a_prev, xt, parameters)": "cache = (a_prev, a_next, xt, parameters)"})

# --------------------------------------------------------------------------------- rnn_forward
state_not_carried = patch("rnn_forward", "This looks like every step starting from a0: each step must get the "
    "hidden state that the step before it returned (a0 for the first step only).",
    {"a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)":
     "a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a0, parameters)"})

caches_without_x = patch("rnn_forward", "This looks like the list of caches returned alone: caches is the pair "
    "(list of the caches of every step, x).",
    {"caches = (caches, x)": ""})

caches_x_first = patch("rnn_forward", "This looks like the pair of caches in the other order: it is (list of the "
    "caches of every step, x), the list first.",
    {"caches = (caches, x)": "caches = (x, caches)"})

states_shifted = patch("rnn_forward", "This looks like each step's state stored in the column of the step before: "
    "a[:, :, t] is the state after step t, the a_next that step t returns.",
    {"a[:, :, t] = a_next": "a[:, :, t - 1] = a_next"})

# --------------------------------------------------------------------------- lstm_cell_forward
concat_input_first = patch("lstm_cell_forward", "This looks like the stack of the input on top of the previous "
    "state: the gates' weights act on [a_prev; xt], the rows of a_prev first.",
    {"concat = np.concatenate((a_prev, xt), axis=0)": "concat = np.concatenate((xt, a_prev), axis=0)"})

tanh_output_gate = patch("lstm_cell_forward", "This looks like a tanh for the output gate: every gate (forget, "
    "update, output) is a sigmoid, a proportion between 0 and 1; only the candidate cct is a tanh.",
    {"ot = sigmoid(np.dot(Wo, concat) + bo)": "ot = np.tanh(np.dot(Wo, concat) + bo)"})

sigmoid_candidate = patch("lstm_cell_forward", "This looks like a sigmoid for the candidate cct: the candidate value "
    "is a tanh, in (-1, 1), so that the memory cell can go down as well as up.",
    {"cct = np.tanh(np.dot(Wc, concat) + bc)": "cct = sigmoid(np.dot(Wc, concat) + bc)"})

cell_not_kept = patch("lstm_cell_forward", "This looks like the new memory cell without the old one: c_next keeps "
    "the forget gate's share of c_prev and adds the update gate's share of the candidate.",
    {"c_next = ft * c_prev + it * cct": "c_next = it * cct"})

state_without_tanh = patch("lstm_cell_forward", "This looks like a_next as the output gate times the memory cell "
    "itself: the gate multiplies the tanh of the new cell.",
    {"a_next = ot * np.tanh(c_next)": "a_next = ot * c_next"})

cache_gates_swapped = patch("lstm_cell_forward", "This looks like the cache's gates in another order: "
    "lstm_cell_backward unpacks (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters).",
    {"cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)":
     "cache = (a_next, c_next, a_prev, c_prev, it, ft, cct, ot, xt, parameters)"})

# -------------------------------------------------------------------------------- lstm_forward
cell_starts_at_a0 = patch("lstm_forward", "This looks like the memory cell starting from a0: the cell starts at "
    "zeros, and only the hidden state starts at a0.",
    {"c_next = np.zeros((n_a, m))": "c_next = a0"})

cell_not_carried = patch("lstm_forward", "This looks like every step starting from a memory cell of zeros: each "
    "step must get the c_next that the step before it returned.",
    {"a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)":
     "a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, np.zeros((n_a, m)), parameters)"})

lstm_state_not_carried = patch("lstm_forward", "This looks like every step starting from the hidden state a0: each "
    "step must get the a_next that the step before it returned.",
    {"a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)":
     "a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a0, c_next, parameters)"})

lstm_caches_without_x = patch("lstm_forward", "This looks like the list of caches returned alone: caches is the pair "
    "(list of the caches of every step, x), as in rnn_forward.",
    {"caches = (caches, x)": ""})

# --------------------------------------------------------------------------- rnn_cell_backward
tanh_derivative_forgotten = patch("rnn_cell_backward", "This looks like da_next used as the gradient of the tanh's "
    "argument: multiply it by the derivative of tanh first, one minus a_next squared.",
    {"dtanh = (1 - a_next ** 2) * da_next": "dtanh = da_next"})

tanh_of_the_state = patch("rnn_cell_backward", "This looks like the tanh applied to a_next again in its derivative: "
    "a_next already is the tanh, so the derivative is one minus a_next squared.",
    {"dtanh = (1 - a_next ** 2) * da_next": "dtanh = (1 - np.tanh(a_next) ** 2) * da_next"})

dWaa_from_the_new_state = patch("rnn_cell_backward", "This looks like dWaa made with a_next: Waa multiplied a_prev, so "
    "its gradient pairs dtanh with the transpose of a_prev.",
    {"dWaa = np.dot(dtanh, a_prev.T)": "dWaa = np.dot(dtanh, a_next.T)"})

dba_over_the_units = patch("rnn_cell_backward", "This looks like dba summed over axis 0, the hidden units: the bias "
    "is shared by the examples, so its gradient sums over axis 1 and keeps the shape (n_a, 1).",
    {"dba = np.sum(dtanh, axis=1, keepdims=True)": "dba = np.sum(dtanh, axis=0, keepdims=True)"})

dba_without_keepdims = patch("rnn_cell_backward", "This looks like dba summed without keepdims=True: it must keep the "
    "column shape of ba, (n_a, 1).",
    {"dba = np.sum(dtanh, axis=1, keepdims=True)": "dba = np.sum(dtanh, axis=1)"})

# -------------------------------------------------------------------------------- rnn_backward
carried_gradient_dropped = patch("rnn_backward", "This looks like each step given only the da that arrives from "
    "above: its state also fed the next step, so the gradient that step sent back is added to it.",
    {"gradients = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])":
     "gradients = rnn_cell_backward(da[:, :, t], caches[t])"})

gradient_from_above_dropped = patch("rnn_backward", "This looks like each step given only the gradient carried back "
    "from the later step: the da of that step, arriving from above, is added to it.",
    {"gradients = rnn_cell_backward(da[:, :, t] + da_prevt, caches[t])":
     "gradients = rnn_cell_backward(da_prevt, caches[t])"})

steps_in_forward_order = patch("rnn_backward", "This looks like the steps visited from the first to the last: the "
    "gradient flows backwards in time, from step T_x - 1 down to 0.",
    {"for t in reversed(range(T_x)):": "for t in range(T_x):"})

da0_from_the_last_step = patch("rnn_backward", "This looks like da0 taken from the first gradient carried back (the "
    "one of step T_x - 1): a0 feeds step 0, so da0 is the da_prev of the last cell visited.",
    {"da_prevt = gradients[\"da_prev\"]":
     "da_prevt = gradients[\"da_prev\"]\nif t == T_x - 1:\n    first_carried = da_prevt",
     "da0 = da_prevt": "da0 = first_carried"})

weights_overwritten = patch("rnn_backward", "This looks like the weights' gradients replaced at every step: the same "
    "weights serve every step, so their gradients add up over the steps.",
    {"dWax += gradients[\"dWax\"]\ndWaa += gradients[\"dWaa\"]\ndba += gradients[\"dba\"]":
     "dWax = gradients[\"dWax\"]\ndWaa = gradients[\"dWaa\"]\ndba = gradients[\"dba\"]"})

# -------------------------------------------------------------------------- lstm_cell_backward
forget_gate_with_the_new_cell = patch("lstm_cell_backward", "This looks like the forget gate's gradient made with "
    "c_next: the forget gate multiplied the previous cell c_prev.",
    {"dft = dc * c_prev * ft * (1 - ft)": "dft = dc * c_next * ft * (1 - ft)"})

cell_gradient_without_the_state = patch("lstm_cell_backward", "This looks like dc_next taken as the whole gradient of "
    "c_next: c_next also made a_next = ot * tanh(c_next), so da_next adds its share through the output gate and the "
    "derivative of that tanh.",
    {"dc = dc_next + da_next * ot * (1 - tanh_c_next ** 2)": "dc = dc_next"})

tanh_derivative_of_the_cell_forgotten = patch("lstm_cell_backward", "This looks like da_next times the output gate "
    "without the derivative of the tanh of c_next, one minus its square.",
    {"dc = dc_next + da_next * ot * (1 - tanh_c_next ** 2)": "dc = dc_next + da_next * ot"})

backward_concat_input_first = patch("lstm_cell_backward", "This looks like the stack [xt; a_prev] in the weights' "
    "gradients: the gates acted on [a_prev; xt], the rows of a_prev first.",
    {"concat = np.concatenate((a_prev, xt), axis=0)": "concat = np.concatenate((xt, a_prev), axis=0)"})

dc_prev_from_dc_next_only = patch("lstm_cell_backward", "This looks like dc_prev made from dc_next alone: the cell's "
    "whole gradient dc, which includes the share that came through a_next, goes back through the forget gate.",
    {"dc_prev = dc * ft": "dc_prev = dc_next * ft"})

# ------------------------------------------------------------------------------- lstm_backward
lstm_carried_gradient_dropped = patch("lstm_backward", "This looks like each step given only the da that arrives "
    "from above: its state also fed the next step, so the da_prev that step sent back is added to it.",
    {"gradients = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])":
     "gradients = lstm_cell_backward(da[:, :, t], dc_prevt, caches[t])"})

cell_gradient_not_carried = patch("lstm_backward", "This looks like every step given a dc_next of zeros: the memory "
    "cell went on to the next step, so the dc_prev that step sent back is this step's dc_next.",
    {"gradients = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, caches[t])":
     "gradients = lstm_cell_backward(da[:, :, t] + da_prevt, np.zeros((n_a, m)), caches[t])"})

lstm_da0_from_the_last_step = patch("lstm_backward", "This looks like da0 taken from the first gradient carried back "
    "(the one of step T_x - 1): a0 feeds step 0, so da0 is the da_prev of the last cell visited.",
    {"da_prevt = gradients[\"da_prev\"]":
     "da_prevt = gradients[\"da_prev\"]\nif t == T_x - 1:\n    first_carried = da_prevt",
     "da0 = da_prevt": "da0 = first_carried"})

lstm_steps_in_forward_order = patch("lstm_backward", "This looks like the steps visited from the first to the last: "
    "the gradients flow backwards in time, from step T_x - 1 down to 0.",
    {"for t in reversed(range(T_x)):": "for t in range(T_x):"})
