"""Mistakes learners make in week5/gradient_checking.py (see grader/tools/mistakes.py)."""
import numpy as np

from grader.tools.mistakes import mistake


# ------------------------------------------------------------------------ forward_propagation
@mistake("forward_propagation", "This looks like theta + x: the cost of the warm-up is the product of theta and "
                                "x.")
def adds_instead_of_multiplying(x, theta):
    J = theta + x
    return J


@mistake("forward_propagation", "This returns theta alone: the warm-up cost also depends on x, check the formula in the docstring.")
def forgets_x(x, theta):
    J = theta
    return J


@mistake("forward_propagation", "Your cost is an array: return a plain number, not one wrapped in np.array.")
def cost_returned_as_an_array(x, theta):
    J = np.array([theta * x])
    return J


# ----------------------------------------------------------------------- backward_propagation
@mistake("backward_propagation", "This looks like the derivative with respect to x: the gradient asked for "
                                 "is the one with respect to theta.")
def derivative_with_respect_to_x(x, theta):
    dtheta = theta
    return dtheta


@mistake("backward_propagation", "This returns the cost theta * x itself: the gradient is its derivative with "
                                 "respect to theta.")
def returns_the_cost(x, theta):
    dtheta = theta * x
    return dtheta


@mistake("backward_propagation", "This looks like -x: check the sign of the derivative of theta * x with respect "
                                 "to theta.")
def wrong_sign(x, theta):
    dtheta = -x
    return dtheta


# ---------------------------------------------------------------------------- gradient_check
@mistake("gradient_check", "This looks like the difference of the two costs divided by epsilon: the central "
                           "difference divides by 2 epsilon, the distance between the two points.")
def divides_by_epsilon_not_2_epsilon(x, theta, epsilon=1e-7):
    J_plus = forward_propagation(x, theta + epsilon)  # noqa: F821 (the module's forward_propagation)
    J_minus = forward_propagation(x, theta - epsilon)  # noqa: F821
    gradapprox = (J_plus - J_minus) / epsilon
    grad = backward_propagation(x, theta)  # noqa: F821
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))


@mistake("gradient_check", "This returns the norm of the difference alone: divide it by the sum of the two norms "
                           "to get the relative difference.")
def absolute_difference(x, theta, epsilon=1e-7):
    J_plus = forward_propagation(x, theta + epsilon)  # noqa: F821
    J_minus = forward_propagation(x, theta - epsilon)  # noqa: F821
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)  # noqa: F821
    difference = np.linalg.norm(grad - gradapprox)
    return float(np.squeeze(difference))


@mistake("gradient_check", "This returns gradapprox, the numerical derivative: the check returns the relative "
                           "difference between it and the backward pass's grad.")
def returns_gradapprox(x, theta, epsilon=1e-7):
    J_plus = forward_propagation(x, theta + epsilon)  # noqa: F821
    J_minus = forward_propagation(x, theta - epsilon)  # noqa: F821
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    return float(gradapprox)


@mistake("gradient_check", "This looks like |grad| - |gradapprox| in the denominator: the relative difference "
                           "divides by the sum of the two norms.")
def denominator_is_a_difference(x, theta, epsilon=1e-7):
    J_plus = forward_propagation(x, theta + epsilon)  # noqa: F821
    J_minus = forward_propagation(x, theta - epsilon)  # noqa: F821
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)  # noqa: F821
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) - np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))


# ---------------------------------------------------------------------- dictionary_to_vector
@mistake("dictionary_to_vector", "This follows the dict's own order: take the parameters in the order W1, b1, W2, "
                                 "b2, ... (parameter_keys), whatever order the dict was built in.")
def follows_the_dicts_order(parameters):
    columns, keys = [], []
    for key, value in parameters.items():
        column = np.reshape(value, (-1, 1))
        columns.append(column)
        keys.extend([key] * column.shape[0])
    theta = np.concatenate(columns, axis=0)
    return theta, keys


@mistake("dictionary_to_vector", "This looks like Fortran order (order='F' or W.T flattened), column by column: "
                                 "flatten each array in C order, row by row.")
def fortran_order(parameters):
    columns, keys = [], []
    for key in parameter_keys(parameters):  # noqa: F821 (the module's parameter_keys)
        column = np.reshape(parameters[key], (-1, 1), order="F")
        columns.append(column)
        keys.extend([key] * column.shape[0])
    theta = np.concatenate(columns, axis=0)
    return theta, keys


@mistake("dictionary_to_vector", "This looks like one name per parameter in keys: keys has one entry per entry "
                                 "of theta, the name repeated as many times as the parameter has entries.")
def one_key_per_parameter(parameters):
    columns, keys = [], []
    for key in parameter_keys(parameters):  # noqa: F821
        columns.append(np.reshape(parameters[key], (-1, 1)))
        keys.append(key)
    theta = np.concatenate(columns, axis=0)
    return theta, keys


@mistake("dictionary_to_vector", "This looks like the keys sorted alphabetically (W1, W2, ..., b1, b2, ...): the "
                                 "order is W1, b1, W2, b2, ...")
def sorted_keys(parameters):
    columns, keys = [], []
    for key in sorted(parameters):
        column = np.reshape(parameters[key], (-1, 1))
        columns.append(column)
        keys.extend([key] * column.shape[0])
    theta = np.concatenate(columns, axis=0)
    return theta, keys


@mistake("dictionary_to_vector", "This looks like rows joined along axis=1: theta is one column of shape (n, 1), "
                                 "so reshape each array to (-1, 1) and concatenate along axis=0.")
def one_row(parameters):
    rows, keys = [], []
    for key in parameter_keys(parameters):  # noqa: F821
        row = np.reshape(parameters[key], (1, -1))
        rows.append(row)
        keys.extend([key] * row.shape[1])
    theta = np.concatenate(rows, axis=1)
    return theta, keys


# ---------------------------------------------------------------------- vector_to_dictionary
@mistake("vector_to_dictionary", "This looks like start never moved on: after each parameter, advance start by its "
                                 "size so that the next one begins where it ended.")
def start_not_advanced(theta, shapes):
    parameters = {}
    start = 0
    for key in parameter_keys(shapes):  # noqa: F821
        size = int(np.prod(shapes[key]))
        parameters[key] = theta[start:start + size].reshape(shapes[key]).copy()
    return parameters


@mistake("vector_to_dictionary", "This looks like Fortran order (order='F'), column by column: refill each array "
                                 "in C order, row by row, as dictionary_to_vector flattened it.")
def refills_in_fortran_order(theta, shapes):
    parameters = {}
    start = 0
    for key in parameter_keys(shapes):  # noqa: F821
        size = int(np.prod(shapes[key]))
        parameters[key] = theta[start:start + size].reshape(shapes[key], order="F").copy()
        start += size
    return parameters


@mistake("vector_to_dictionary", "This looks like theta[start:size]: the slice of a parameter ends at start + size, "
                                 "not at size.")
def slice_ends_at_size(theta, shapes):
    parameters = {}
    start = 0
    for key in parameter_keys(shapes):  # noqa: F821
        size = int(np.prod(shapes[key]))
        parameters[key] = theta[start:size].reshape(shapes[key]).copy()
        start += size
    return parameters


@mistake("vector_to_dictionary", "This looks like the number of rows used as the size of a parameter: a (rows, "
                                 "columns) array has rows * columns entries.")
def size_is_the_number_of_rows(theta, shapes):
    parameters = {}
    start = 0
    for key in parameter_keys(shapes):  # noqa: F821
        size = shapes[key][0]
        parameters[key] = theta[start:start + size].reshape(shapes[key]).copy()
        start += size
    return parameters


# ----------------------------------------------------------------------- gradients_to_vector
@mistake("gradients_to_vector", "This looks like every entry of the gradients dict flattened, dZ and dA included: "
                                "take only d + key for each parameter key.")
def every_key_of_the_gradients(gradients, parameters):
    grad = np.concatenate([np.reshape(value, (-1, 1)) for value in gradients.values()], axis=0)
    return grad


@mistake("gradients_to_vector", "This follows the order of the parameters dict: take the gradients in the order "
                                "dW1, db1, dW2, db2, ... (parameter_keys), like dictionary_to_vector.")
def follows_the_parameters_dicts_order(gradients, parameters):
    grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in parameters], axis=0)
    return grad


@mistake("gradients_to_vector", "This looks like Fortran order (order='F'), column by column: flatten each gradient "
                                "in C order, row by row, like the parameters.")
def gradients_in_fortran_order(gradients, parameters):
    grad = np.concatenate([np.reshape(gradients["d" + key], (-1, 1), order="F")
                           for key in parameter_keys(parameters)], axis=0)  # noqa: F821
    return grad


@mistake("gradients_to_vector", "This looks like the gradients sorted alphabetically (dW1, dW2, ..., db1, ...): the "
                                "order is dW1, db1, dW2, db2, ...")
def sorted_gradient_keys(gradients, parameters):
    keys = sorted(key for key in gradients if key[:2] in ("dW", "db"))
    grad = np.concatenate([np.reshape(gradients[key], (-1, 1)) for key in keys], axis=0)
    return grad


# -------------------------------------------------------------------------- gradient_check_n
@mistake("gradient_check_n", "This looks like a one-sided difference (J(theta + epsilon) - J(theta)) / epsilon: "
                             "the central difference uses theta + epsilon and theta - epsilon, over 2 epsilon.")
def one_sided_difference(cost_function, parameters, gradients, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)  # noqa: F821
    grad = gradients_to_vector(gradients, parameters)  # noqa: F821
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    J = cost_function(vector_to_dictionary(theta, shapes))  # noqa: F821
    for i in range(n):
        theta_plus = np.copy(theta)
        theta_plus[i] += epsilon
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))  # noqa: F821
        gradapprox[i] = (J_plus - J) / epsilon
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))


@mistake("gradient_check_n", "This looks like the difference of the two costs divided by epsilon: the central "
                             "difference divides by 2 epsilon.")
def divides_by_epsilon(cost_function, parameters, gradients, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)  # noqa: F821
    grad = gradients_to_vector(gradients, parameters)  # noqa: F821
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        theta_plus = np.copy(theta)
        theta_plus[i] += epsilon
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))  # noqa: F821
        theta_minus = np.copy(theta)
        theta_minus[i] -= epsilon
        J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))  # noqa: F821
        gradapprox[i] = (J_plus - J_minus) / epsilon
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))


@mistake("gradient_check_n", "This looks like theta_plus = theta without a copy: the nudges then pile up in theta "
                             "itself, so J_minus is not taken where it should be; start each nudge from its own "
                             "copy (np.copy).")
def theta_not_copied(cost_function, parameters, gradients, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)  # noqa: F821
    grad = gradients_to_vector(gradients, parameters)  # noqa: F821
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        theta_plus = theta
        theta_plus[i] += epsilon
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))  # noqa: F821
        theta_minus = theta
        theta_minus[i] -= epsilon
        J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))  # noqa: F821
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))


@mistake("gradient_check_n", "This returns the norm of the difference alone: divide it by the sum of the two "
                             "norms to get the relative difference.")
def absolute_difference_n(cost_function, parameters, gradients, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)  # noqa: F821
    grad = gradients_to_vector(gradients, parameters)  # noqa: F821
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        theta_plus = np.copy(theta)
        theta_plus[i] += epsilon
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))  # noqa: F821
        theta_minus = np.copy(theta)
        theta_minus[i] -= epsilon
        J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))  # noqa: F821
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = np.linalg.norm(grad - gradapprox)
    return float(np.squeeze(difference))


@mistake("gradient_check_n", "This looks like a hard-coded 1e-7 for the nudge: use the argument epsilon.")
def epsilon_hard_coded(cost_function, parameters, gradients, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)  # noqa: F821
    grad = gradients_to_vector(gradients, parameters)  # noqa: F821
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    for i in range(n):
        theta_plus = np.copy(theta)
        theta_plus[i] += 1e-7
        J_plus = cost_function(vector_to_dictionary(theta_plus, shapes))  # noqa: F821
        theta_minus = np.copy(theta)
        theta_minus[i] -= 1e-7
        J_minus = cost_function(vector_to_dictionary(theta_minus, shapes))  # noqa: F821
        gradapprox[i] = (J_plus - J_minus) / (2 * 1e-7)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return float(np.squeeze(difference))
