"""Mistakes learners make in week5/gradient_checking.py (see grader/tools/mistakes.py)."""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------------ forward_propagation
adds_instead_of_multiplying = patch("forward_propagation", "This looks like theta + x: the cost of the warm-up is the "
    "product of theta and x.",
    {"J = theta * x": "J = theta + x"})

forgets_x = patch("forward_propagation", "This returns theta alone: the warm-up cost also depends on x, check the "
    "formula in the docstring.",
    {"J = theta * x": "J = theta"})

cost_returned_as_an_array = patch("forward_propagation", "Your cost is an array: return a plain number, not one "
    "wrapped in np.array.",
    {"J = theta * x": "J = np.array([theta * x])"})

# ----------------------------------------------------------------------- backward_propagation
derivative_with_respect_to_x = patch("backward_propagation", "This looks like the derivative with respect to x: the "
    "gradient asked for is the one with respect to theta.",
    {"dtheta = x": "dtheta = theta"})

returns_the_cost = patch("backward_propagation", "This returns the cost theta * x itself: the gradient is its "
    "derivative with respect to theta.",
    {"dtheta = x": "dtheta = theta * x"})

wrong_sign = patch("backward_propagation", "This looks like -x: check the sign of the derivative of theta * x with "
    "respect to theta.",
    {"dtheta = x": "dtheta = -x"})

# ---------------------------------------------------------------------------- gradient_check
divides_by_epsilon_not_2_epsilon = patch("gradient_check", "This looks like the difference of the two costs divided "
    "by epsilon: the central difference divides by 2 epsilon, the distance between the two points.",
    {"gradapprox = (J_plus - J_minus) / (2 * epsilon)": "gradapprox = (J_plus - J_minus) / epsilon",
     "numerator = np.linalg.norm(grad - gradapprox)\ndenominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
     "difference = numerator / denominator":
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"})

absolute_difference = patch("gradient_check", "This returns the norm of the difference alone: divide it by the sum of "
    "the two norms to get the relative difference.",
    {"numerator = np.linalg.norm(grad - gradapprox)\ndenominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
     "difference = numerator / denominator": "difference = np.linalg.norm(grad - gradapprox)"})

returns_gradapprox = patch("gradient_check", "This returns gradapprox, the numerical derivative: the check returns "
    "the relative difference between it and the backward pass's grad.",
    {"grad = backward_propagation(x, theta)\nnumerator = np.linalg.norm(grad - gradapprox)\n"
     "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\ndifference = numerator / denominator\n"
     "return float(np.squeeze(difference))": "return float(gradapprox)"})

denominator_is_a_difference = patch("gradient_check", "This looks like |grad| - |gradapprox| in the denominator: the "
    "relative difference divides by the sum of the two norms.",
    {"numerator = np.linalg.norm(grad - gradapprox)\ndenominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
     "difference = numerator / denominator":
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) - np.linalg.norm(gradapprox))"})

# ---------------------------------------------------------------------- dictionary_to_vector
follows_the_dicts_order = patch("dictionary_to_vector", "This follows the dict's own order: take the parameters in "
    "the order W1, b1, W2, b2, ... (parameter_keys), whatever order the dict was built in.",
    {"for key in parameter_keys(parameters):\n    column = np.reshape(parameters[key], (-1, 1))":
      "for key, value in parameters.items():\n    column = np.reshape(value, (-1, 1))"})

fortran_order = patch("dictionary_to_vector", "This looks like Fortran order (order='F' or W.T flattened), column by "
    "column: flatten each array in C order, row by row.",
    {"column = np.reshape(parameters[key], (-1, 1))": 'column = np.reshape(parameters[key], (-1, 1), order="F")'})

one_key_per_parameter = patch("dictionary_to_vector", "This looks like one name per parameter in keys: keys has one "
    "entry per entry of theta, the name repeated as many times as the parameter has entries.",
    {"column = np.reshape(parameters[key], (-1, 1))\ncolumns.append(column)\nkeys.extend([key] * column.shape[0])":
      "columns.append(np.reshape(parameters[key], (-1, 1)))\nkeys.append(key)"})

sorted_keys = patch("dictionary_to_vector", "This looks like the keys sorted alphabetically (W1, W2, ..., b1, b2, "
    "...): the order is W1, b1, W2, b2, ...",
    {"for key in parameter_keys(parameters):": "for key in sorted(parameters):"})

one_row = patch("dictionary_to_vector", "This looks like rows joined along axis=1: theta is one column of shape (n, "
    "1), so reshape each array to (-1, 1) and concatenate along axis=0.",
    {"columns, keys = [], []\nfor key in parameter_keys(parameters):\n"
     "    column = np.reshape(parameters[key], (-1, 1))\n    columns.append(column)\n"
     "    keys.extend([key] * column.shape[0])\ntheta = np.concatenate(columns, axis=0)":
      "rows, keys = [], []\nfor key in parameter_keys(parameters):\n    row = np.reshape(parameters[key], (1, -1))\n"
      "    rows.append(row)\n    keys.extend([key] * row.shape[1])\ntheta = np.concatenate(rows, axis=1)"})

# ---------------------------------------------------------------------- vector_to_dictionary
start_not_advanced = patch("vector_to_dictionary", "This looks like start never moved on: after each parameter, "
    "advance start by its size so that the next one begins where it ended.",
    {"start += size": ""})

refills_in_fortran_order = patch("vector_to_dictionary", "This looks like Fortran order (order='F'), column by "
    "column: refill each array in C order, row by row, as dictionary_to_vector flattened it.",
    {"parameters[key] = theta[start:start + size].reshape(shapes[key]).copy()":
      'parameters[key] = theta[start:start + size].reshape(shapes[key], order="F").copy()'})

slice_ends_at_size = patch("vector_to_dictionary", "This looks like theta[start:size]: the slice of a parameter ends "
    "at start + size, not at size.",
    {"parameters[key] = theta[start:start + size].reshape(shapes[key]).copy()":
      "parameters[key] = theta[start:size].reshape(shapes[key]).copy()"})

size_is_the_number_of_rows = patch("vector_to_dictionary", "This looks like the number of rows used as the size of a "
    "parameter: a (rows, columns) array has rows * columns entries.",
    {"size = int(np.prod(shapes[key]))": "size = shapes[key][0]"})

# ----------------------------------------------------------------------- gradients_to_vector
every_key_of_the_gradients = patch("gradients_to_vector", "This looks like every entry of the gradients dict "
    "flattened, dZ and dA included: take only d + key for each parameter key.",
    {'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameter_keys(parameters)],\n'
     "                      axis=0)":
      "grad = np.concatenate([np.reshape(value, (-1, 1)) for value in gradients.values()], axis=0)"})

follows_the_parameters_dicts_order = patch("gradients_to_vector", "This follows the order of the parameters dict: "
    "take the gradients in the order dW1, db1, dW2, db2, ... (parameter_keys), like dictionary_to_vector.",
    {'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameter_keys(parameters)],\n'
     "                      axis=0)":
      'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameters], axis=0)'})

gradients_in_fortran_order = patch("gradients_to_vector", "This looks like Fortran order (order='F'), column by "
    "column: flatten each gradient in C order, row by row, like the parameters.",
    {'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameter_keys(parameters)],\n'
     "                      axis=0)":
      'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1), order="F")\n'
      "                       for key in parameter_keys(parameters)], axis=0)"})

sorted_gradient_keys = patch("gradients_to_vector", "This looks like the gradients sorted alphabetically (dW1, dW2, "
    "..., db1, ...): the order is dW1, db1, dW2, db2, ...",
    {'grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameter_keys(parameters)],\n'
     "                      axis=0)":
      'keys = sorted(key for key in gradients if key[:2] in ("dW", "db"))\n'
      "grad = np.concatenate([np.reshape(gradients[key], (-1, 1)) for key in keys], axis=0)"})

# -------------------------------------------------------------------------- gradient_check_n
one_sided_difference = patch("gradient_check_n", "This looks like a one-sided difference (J(theta + epsilon) - "
    "J(theta)) / epsilon: the central difference uses theta + epsilon and theta - epsilon, over 2 epsilon.",
    {"for i in range(n):\n    theta_plus = np.copy(theta)\n    theta_plus[i] += epsilon\n"
     "    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n    theta_minus = np.copy(theta)\n"
     "    theta_minus[i] -= epsilon\n    J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))\n"
     "    gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)\nnumerator = np.linalg.norm(grad - gradapprox)\n"
     "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\ndifference = numerator / denominator":
      "J = cost_function(vector_to_dictionary(theta, shapes))\nfor i in range(n):\n    theta_plus = np.copy(theta)\n"
      "    theta_plus[i] += epsilon\n    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n"
      "    gradapprox[i] = (J_plus - J) / epsilon\n"
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"})

divides_by_epsilon = patch("gradient_check_n", "This looks like the difference of the two costs divided by epsilon: "
    "the central difference divides by 2 epsilon.",
    {"for i in range(n):\n    theta_plus = np.copy(theta)\n    theta_plus[i] += epsilon\n"
     "    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n    theta_minus = np.copy(theta)\n"
     "    theta_minus[i] -= epsilon\n    J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))\n"
     "    gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)\nnumerator = np.linalg.norm(grad - gradapprox)\n"
     "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\ndifference = numerator / denominator":
      "for i in range(n):\n    theta_plus = np.copy(theta)\n    theta_plus[i] += epsilon\n"
      "    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n    theta_minus = np.copy(theta)\n"
      "    theta_minus[i] -= epsilon\n    J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))\n"
      "    gradapprox[i] = (J_plus - J_minus) / epsilon\n"
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"})

theta_not_copied = patch("gradient_check_n", "This looks like theta_plus = theta without a copy: the nudges then pile "
    "up in theta itself, so J_minus is not taken where it should be; start each nudge from its own copy (np.copy).",
    {"theta_plus = np.copy(theta)": "theta_plus = theta",
     "theta_minus = np.copy(theta)": "theta_minus = theta",
     "numerator = np.linalg.norm(grad - gradapprox)\ndenominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
     "difference = numerator / denominator":
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"})

absolute_difference_n = patch("gradient_check_n", "This returns the norm of the difference alone: divide it by the "
    "sum of the two norms to get the relative difference.",
    {"numerator = np.linalg.norm(grad - gradapprox)\ndenominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
     "difference = numerator / denominator": "difference = np.linalg.norm(grad - gradapprox)"})

epsilon_hard_coded = patch("gradient_check_n", "This looks like a hard-coded 1e-7 for the nudge: use the argument "
    "epsilon.",
    {"for i in range(n):\n    theta_plus = np.copy(theta)\n    theta_plus[i] += epsilon\n"
     "    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n    theta_minus = np.copy(theta)\n"
     "    theta_minus[i] -= epsilon\n    J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))\n"
     "    gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)\nnumerator = np.linalg.norm(grad - gradapprox)\n"
     "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\ndifference = numerator / denominator":
      "for i in range(n):\n    theta_plus = np.copy(theta)\n    theta_plus[i] += 1e-7\n"
      "    J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))\n    theta_minus = np.copy(theta)\n"
      "    theta_minus[i] -= 1e-7\n    J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))\n"
      "    gradapprox[i] = (J_plus - J_minus) / (2 * 1e-7)\n"
      "difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))"})
