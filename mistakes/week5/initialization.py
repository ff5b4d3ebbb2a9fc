"""Mistakes learners make in week5/initialization.py (see grader/tools/mistakes.py)."""
from grader.tools.mistakes import patch


# ------------------------------------------------------------------ initialize_parameters_zeros
transposed_weights = patch("initialize_parameters_zeros", "This looks like W of shape (n_{l-1}, n_l): a layer's "
    "weights have one row per unit of the layer and one column per input, (n_l, n_{l-1}).",
    {'parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))':
      'parameters[f"W{l}"] = np.zeros((layers_dims[l - 1], layers_dims[l]))'})

one_dimensional_biases = patch("initialize_parameters_zeros", "This looks like biases of shape (n_l,): each b is a "
    "column of shape (n_l, 1), so give np.zeros two sizes.",
    {'parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))': 'parameters[f"b{l}"] = np.zeros(layers_dims[l])'})

misses_the_last_layer = patch("initialize_parameters_zeros", "This looks like an off-by-one in the layer loop that "
    "leaves out the last layer: layers_dims has L + 1 entries, so l runs from 1 to L included.",
    {"L = len(layers_dims)": "L = len(layers_dims) - 1"})

shape_not_a_tuple = patch("initialize_parameters_zeros", "np.zeros takes the shape as one tuple: np.zeros((rows, "
    "columns)), not np.zeros(rows, columns).",
    {'parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))\n'
     'parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))':
      'parameters[f"W{l}"] = np.zeros(layers_dims[l], layers_dims[l - 1])\n'
      'parameters[f"b{l}"] = np.zeros(layers_dims[l], 1)'})

# ----------------------------------------------------------------- initialize_parameters_random
forgets_the_scale = patch("initialize_parameters_random", "This looks like N(0, 1) weights without the factor scale: "
    "multiply the standard normal draws by scale.",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * scale':
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))'})

hard_coded_scale = patch("initialize_parameters_random", "This looks like a hard-coded 10 for the scale: use the "
    "argument scale, whose default is 10.",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * scale':
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10'})

uniform_instead_of_normal = patch("initialize_parameters_random", "This looks like uniform draws in [0, 1) "
    "(rng.random): the weights are standard normal, rng.standard_normal, times scale.",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * scale':
      'parameters[f"W{l}"] = rng.random((layers_dims[l], layers_dims[l - 1])) * scale'})

random_biases = patch("initialize_parameters_random", "This looks like random biases: only the weights are drawn, the "
    "biases start at 0 (and drawing them shifts every later draw).",
    {'parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))':
      'parameters[f"b{l}"] = rng.standard_normal((layers_dims[l], 1)) * scale'})

fixed_seed = patch("initialize_parameters_random", "This looks like a generator with a fixed seed: draw from "
    "np.random.default_rng(rng), so that the rng argument decides the weights.",
    {"rng = np.random.default_rng(rng)": "rng = np.random.default_rng(3)"})

# ----------------------------------------------------------------- initialize_parameters_xavier
fan_out = patch("initialize_parameters_xavier", "This looks like the fan-out n_l in the factor: Xavier divides by the "
    "number of inputs of the layer, n_{l-1} = layers_dims[l - 1].",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1.0 / '
      "layers_dims[l])"})

variance_instead_of_standard_deviation = patch("initialize_parameters_xavier", "This looks like the variance 1 / "
    "n_{l-1} used as the factor: the standard normal draws are multiplied by its square root.",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1.0 / layers_dims[l - '
     "1])": 'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) / layers_dims[l - 1]'})

he_factor = patch("initialize_parameters_xavier", "This looks like He's factor sqrt(2 / n_{l-1}): Xavier uses sqrt(1 "
    "/ n_{l-1}).",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l '
      "- 1])"})

xavier_fixed_seed = patch("initialize_parameters_xavier", "This looks like a generator with a fixed seed: draw from "
    "np.random.default_rng(rng), so that the rng argument decides the weights.",
    {"rng = np.random.default_rng(rng)": "rng = np.random.default_rng(0)"})

# --------------------------------------------------------------------- initialize_parameters_he
xavier_factor = patch("initialize_parameters_he", "This looks like Xavier's factor sqrt(1 / n_{l-1}): He doubles the "
    "variance, sqrt(2 / n_{l-1}).",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(1.0 / layers_dims[l '
      "- 1])"})

he_fan_out = patch("initialize_parameters_he", "This looks like the fan-out n_l in the factor: He divides by the "
    "number of inputs of the layer, n_{l-1} = layers_dims[l - 1].",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / '
      "layers_dims[l])"})

square_root_of_the_2_only = patch("initialize_parameters_he", "This looks like the square root of 2 alone, divided by "
    "n_{l-1}: the square root is over the whole ratio, sqrt(2 / n_{l-1}).",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2) / layers_dims[l '
      "- 1]"})

he_variance_instead_of_standard_deviation = patch("initialize_parameters_he", "This looks like the variance 2 / "
    "n_{l-1} used as the factor: the standard normal draws are multiplied by its square root.",
    {'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2.0 / layers_dims[l - '
     "1])":
      'parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 2.0 / layers_dims[l - 1]'})
