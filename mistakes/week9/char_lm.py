"""Mistakes learners make in week9/char_lm.py (see grader/tools/mistakes.py).

Each entry changes lines of the reference's definition of one graded function, so its code uses
that module's names: ``np`` and the module's own ``softmax``, ``one_hot``, ``rnn_step_forward``,
``rnn_forward``, ``rnn_backward``, ``update_parameters``, ``name_to_sequences``, ``smooth``,
``report_progress``, ``clip`` and ``optimize``.
"""
from grader.tools.mistakes import patch, variant

# ---------------------------------------------------------------------------------------- clip
clips_in_place = patch("clip", "This looks like np.clip(..., out=...) on the caller's arrays, returning the same "
    "dict (as the Deep Learning Specialization's notebook does): here clip returns a new dict and leaves the "
    "gradients it was given as they were.",
    {"clipped = {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}":
     "for value in gradients.values():\n    np.clip(value, -maxValue, maxValue, out=value)\nclipped = gradients"})

clipped_into_the_loop_variable = patch("clip", "This looks like np.clip's result assigned to the loop variable, "
    "which changes nothing in the dict: store each clipped array under its key in the dict you return.",
    {"clipped = {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}":
     "clipped = dict(gradients)\nfor value in clipped.values():\n    value = np.clip(value, -maxValue, maxValue)"})

upper_bound_only = patch("clip", "This looks like a limit on the large positive values only (np.minimum, or "
    "np.clip with None as the lower bound): values below -maxValue must be raised to -maxValue too.",
    {"clipped = {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}":
     "clipped = {key: np.minimum(value, maxValue) for key, value in gradients.items()}"})

norm_clipping = patch("clip", "This looks like each gradient rescaled so that its norm is at most maxValue: clip "
    "limits every entry on its own to [-maxValue, maxValue] and leaves the entries inside that range unchanged.",
    {"clipped = {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}":
     "clipped = {key: value * min(1.0, maxValue / max(np.linalg.norm(value), 1e-12))\n"
     "           for key, value in gradients.items()}"})

# -------------------------------------------------------------------------------------- sample
argmax = patch("sample", "This looks like the most likely character taken at every step (np.argmax): draw it "
    "at random with its probability (rng.choice with p=...), or every name comes out the same.",
    {"idx = int(rng.choice(vocab_size, p=y.ravel()))": "idx = int(np.argmax(y))"})

input_not_reset = patch("sample", "This looks like the new character's 1 written into the previous input without "
    "clearing it, so the inputs pile up ones: each step's input is a fresh one-hot vector of the last character only.",
    {"x = one_hot(idx, vocab_size)": "x[idx] = 1"})

character_not_fed_back = patch("sample", "This looks like the input x left at zeros at every step: the character "
    "just drawn, one-hot, is the input of the next step.",
    {"x = one_hot(idx, vocab_size)": ""})

hidden_state_not_carried = patch("sample", "This looks like every step starting from the zero hidden state: the "
    "hidden state a computed at one step is a_prev at the next, which is how the network remembers the name so far.",
    {"a_prev = a": ""})

no_newline_at_max_length = patch("sample", "This looks like a list that stops at max_length without the end of "
    "the name: when the newline never came, append its index yourself, so that every list ends with it.",
    {"if idx != newline:\n    indices.append(newline)": ""})

one_draw_too_many = patch("sample", "This looks like max_length + 1 characters drawn (<= in the loop's condition): "
    "at most max_length are drawn, then the newline is appended.",
    {"while idx != newline and len(indices) < max_length:": "while idx != newline and len(indices) <= max_length:"})

# ------------------------------------------------------------------------------------ optimize
not_clipped = patch("optimize", "This looks like the update made with the gradients as rnn_backward gives them: "
    "clip them at 5 first, and return the clipped ones.",
    {"gradients = clip(gradients, 5)": ""})

clipped_at_another_value = patch("optimize", "This looks like the gradients clipped at another value than 5: "
    "optimize clips every entry to [-5, 5].",
    {"gradients = clip(gradients, 5)": "gradients = clip(gradients, 10)"})

update_with_unclipped_gradients = patch("optimize", "This looks like the clipped gradients returned but the update "
    "made with the raw ones: the step taken is -learning_rate times the clipped gradients.",
    {"gradients = clip(gradients, 5)\nupdate_parameters(parameters, gradients, learning_rate)":
     "clipped = clip(gradients, 5)\nupdate_parameters(parameters, gradients, learning_rate)\ngradients = clipped"})

loss_after_the_update = patch("optimize", "This looks like the loss of a second forward pass, after the update: "
    "optimize returns the loss of the forward pass it learned from, before the parameters changed.",
    {"update_parameters(parameters, gradients, learning_rate)":
     "update_parameters(parameters, gradients, learning_rate)\nloss, _ = rnn_forward(X, Y, a_prev, parameters)"})

a_last_is_the_first_state = patch("optimize", "This looks like a[-1], which in the cache of rnn_forward is the "
    "state before the first step (a0), not the last one: the last step is t = len(X) - 1.",
    {"a_last = a[len(X) - 1]": "a_last = a[-1]"})

# --------------------------------------------------------------------------------------- model
hidden_state_carried_between_names = patch("model", "This looks like the last hidden state of one name passed on "
    "as a_prev of the next (as in the Deep Learning Specialization's notebook): names are independent here, so "
    "each one starts from the zero hidden state, as in sample.",
    {"for j in range(num_iterations):": "a_prev = np.zeros((n_a, 1))\nfor j in range(num_iterations):",
     "a_prev = np.zeros((n_a, 1))\ncurr_loss, _, _ = optimize(X, Y, a_prev, parameters, learning_rate)":
     "curr_loss, _, a_prev = optimize(X, Y, a_prev, parameters, learning_rate)"})

no_start_input = patch("model", "This looks like X without its first entry None: the first step reads the zero "
    "vector and predicts the first letter, so X is None followed by the name's indices, and Y is X shifted by "
    "one with the newline's index at the end.",
    {"X, Y = name_to_sequences(examples[j % len(examples)], char_to_ix)":
     "X = [char_to_ix[ch] for ch in examples[j % len(examples)]]\nY = X[1:] + [char_to_ix[\"\\n\"]]"})

names_shuffled_in_place = patch("model", "This looks like the caller's list of names shuffled in place "
    "(rng.shuffle(names)): shuffle a copy, or take the order from rng.permutation, and leave the list alone.",
    {"examples = [names[i] for i in rng.permutation(len(names))]": "rng.shuffle(names)\nexamples = names"})

learning_rate_not_passed = patch("model", "This looks like optimize called without the learning rate, so it "
    "trains at its default of 0.01 whatever model was given: pass learning_rate on.",
    {"curr_loss, _, _ = optimize(X, Y, a_prev, parameters, learning_rate)":
     "curr_loss, _, _ = optimize(X, Y, a_prev, parameters)"})

raw_loss_recorded = patch("model", "This looks like the loss of each name recorded as it is: losses holds the "
    "running loss, which the given smooth updates with each name's loss.",
    {"loss = smooth(loss, curr_loss)\nlosses.append(loss)": "loss = curr_loss\nlosses.append(loss)"})

# -------------------------------------------------------------------------------------- variants
shuffled_copy = variant("model", "the order from rng.shuffle of a copy of the names, which draws the same "
    "permutation as rng.permutation(len(names))", {
        "examples = [names[i] for i in rng.permutation(len(names))]": "examples = list(names)\nrng.shuffle(examples)"})

sample_counting_steps = variant("sample", "the Deep Learning Specialization's loop with a counter and a list of "
    "range(vocab_size) to choose from", {
        "while idx != newline and len(indices) < max_length:":
            "counter = 0\nwhile idx != newline and counter != max_length:",
        "idx = int(rng.choice(vocab_size, p=y.ravel()))": "idx = rng.choice(list(range(vocab_size)), p=y.ravel())",
        "a_prev = a": "a_prev = a\ncounter += 1",
        "if idx != newline:": "if counter == max_length and idx != newline:"})
