"""Hints lead to the idea and never hand over code.

A hint (a ``### HINT:`` line of a solution block, which becomes a ``# Hint:`` line of the stub and
the notebook, or the hint of a catalogued mistake) may name the idea, the function to reach for or
the shape to aim at: ``np.sum``, ``keepdims=True``, ``axis=1`` or ``(n_l, 1)`` are fine. It may not
write the solution's code: not a whole line, nor a complete expression of one, nor the loop bounds.
``test_mistakes.py`` refuses a hint that quotes a whole solution line; this test catches the parts.

The rule. A hint's **code fragments** are its backticked spans and its runs of code-like tokens
(identifiers, numbers, strings, operators, brackets); outside brackets a run breaks where prose goes
on, between two words set apart by a space (unless one is a Python keyword). A hint **hands over
code** when a run of a fragment's tokens

- parses as Python (and, if the whole fragment is an expression without keywords, is one of its
  sub-expressions: the learner's wrong code ``lr0 / 1 + a * b`` holds no ``1 + a * b``),
- is written out the same as a statement or an expression of the solution block of the same
  function (spaces, quotes and redundant brackets aside, numbers by value: ``0`` is ``0.0``),
- and is substantial: it computes something (an operator, a call with arguments, a slice; not a
  name, an entry ``layers_dims[l - 1]`` or an argument ``keepdims=True``) and is at least
  ``MINIMUM_LENGTH`` characters long without spaces, or it is an assignment (``dZ2 = A2 - Y``).

So ``np.sum``, ``axis=1``, ``keepdims=True``, ``1 - s``, ``A2 > 0.5``, ``.astype(np.float64)`` or
``np.linalg.norm(..., axis=1, keepdims=True)`` pass, and ``range(L - 1, 0, -1)``,
``np.maximum(0, Z1)``, ``np.clip(AL, EPS, 1 - EPS)``, ``(A2 > 0.5).astype(np.float64)`` or
``t = np.tanh(Z)`` do not.
"""
import ast
import copy
import functools
import keyword
import re
import textwrap

import pytest

from grader.tools import mistakes
from grader.course import SOLUTIONS_DIR
from grader.tools.stubs import BEGIN, END, HINT

MINIMUM_LENGTH = 12

pytestmark = pytest.mark.skipif(not SOLUTIONS_DIR.is_dir(),
                                reason="the solutions and the catalogue are for instructors only")

# ---------------------------------------------------------------------------------- tokens
_TOKEN = re.compile(r"""
    (?P<string>(?<![\w'"])[fFrRbB]?(?:"[^"\n]*"|'[^'\n]*'))   # a quote after a letter is an apostrophe
  | (?P<number>(?<![\w.])(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w]))
  | (?P<name>[A-Za-z_]\w*)
  | (?P<operator>\.\.\.|\*\*=?|//=?|<<|>>|<=|>=|==|!=|->|[-+*/%@&|^<>=]=?|[()\[\]{},.:;~])
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE)


def _tokens(text):
    """``[(kind, value, spaced)]``: ``spaced`` when whitespace came before the token."""
    out, spaced = [], False
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            spaced = True
            continue
        out.append((kind, value, spaced))
        spaced = False
    return out


def _is_word(token):
    return token[0] in ("name", "number", "string")


def code_fragments(hint):
    """The code-like fragments of a hint, each a list of tokens: its backticked spans, and the runs
    of tokens that are not prose. Outside brackets a run breaks where prose goes on: between two
    words set apart by a space (unless one is a Python keyword), before a word after a closing
    bracket and a space, before an opening bracket after a word and a space, and after ``,``, ``:``
    or ``;`` followed by a space."""
    fragments = [_tokens(span) for span in re.findall(r"`([^`]+)`", hint)]
    run, depth = [], 0
    for token in _tokens(hint.replace("`", " ")):
        kind, value, spaced = token
        previous = run[-1] if run else None
        if previous is not None and depth == 0 and (kind == "other" or spaced and (
                _is_word(previous) and _is_word(token)
                and not (keyword.iskeyword(previous[1]) or keyword.iskeyword(value))
                or previous[1] in (")", "]", "}") and _is_word(token) and not keyword.iskeyword(value)
                or _is_word(previous) and value in ("(", "[") and not keyword.iskeyword(previous[1])
                or previous[1] in (",", ":", ";"))):
            fragments.append(run)
            run = []
        if kind == "other":
            continue
        if value in ("(", "[", "{"):
            depth += 1
        elif value in (")", "]", "}"):
            depth = max(depth - 1, 0)
        run.append(token)
        if depth == 0 and value in (",", ":", ";") and run == [token]:
            run = []
    fragments.append(run)
    fragments = [_trimmed(f) for f in fragments]
    return [f for f in fragments if f]


def _trimmed(run):
    while run and run[-1][1] in (",", ":", ";", "."):
        run = run[:-1]
    return run


def _text(tokens):
    """The tokens written with the fewest spaces: one only between two words."""
    return "".join((" " if i and _is_word(tokens[i - 1]) and _is_word(token) else "") + token[1]
                   for i, token in enumerate(tokens))


def _normal(tree):
    """The tree written out the same way whatever the spacing, the quotes or the brackets, with
    numbers by value (``0`` and ``0.0`` alike)."""
    tree = copy.deepcopy(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            node.value = float(node.value)
    return ast.unparse(tree)


@functools.lru_cache(maxsize=None)
def _parsed(text):
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    statement = tree.body[0]
    return statement.value if isinstance(statement, ast.Expr) else statement


def _substantial(node, text):
    """A piece of code worth keeping to oneself: an operator, a call with arguments or a slice in it,
    and at least ``MINIMUM_LENGTH`` characters long; or, whatever its length, an assignment whose
    value is such a piece (``dZ2 = A2 - Y``: a statement of the solution)."""
    statement = isinstance(node, (ast.Assign, ast.AugAssign))
    return (statement or len(text.replace(" ", "")) >= MINIMUM_LENGTH) and _operation(node)


def _operation(node):
    """Whether the tree computes something: an operator, a call with arguments, a slice. Naming a
    value is not computing: ``layers_dims[l - 1]`` or ``grads["d" + key]`` name an entry,
    ``keepdims=True`` names an argument, ``-x`` a negative."""
    if isinstance(node, (ast.BinOp, ast.Compare, ast.BoolOp, ast.AugAssign, ast.Slice, ast.IfExp,
                         ast.Lambda, ast.ListComp, ast.GeneratorExp, ast.DictComp)):
        return True
    if isinstance(node, ast.Call):
        arguments = node.args + [k.value for k in node.keywords]
        if arguments and not all(isinstance(a, ast.Constant) and a.value is Ellipsis for a in arguments):
            return True
    children = list(ast.iter_child_nodes(node))
    if isinstance(node, ast.Subscript) and not any(
            isinstance(n, (ast.Slice, ast.Call)) for n in ast.walk(node.slice)):
        children = [node.value]  # an entry named by a key or an index: the index is no computation
    return any(_operation(child) for child in children)


def solution_pieces(nodes):
    """The pieces of a solution: every statement and expression of ``nodes``, written out."""
    return {_normal(node) for top in nodes for node in ast.walk(top)
            if isinstance(node, (ast.stmt, ast.expr))}


def handed_over(hint, pieces):
    """The pieces of the solution (``solution_pieces``) that ``hint`` writes out, ``[]`` for none:
    a run of tokens of one of its code fragments that parses, is substantial and is written out the
    same as a statement or an expression of the solution."""
    if isinstance(pieces, str):  # the source of a solution, for the calibration below
        pieces = solution_pieces(ast.parse(textwrap.dedent(pieces)).body)
    found = set()
    for fragment in code_fragments(hint):
        # A fragment that is Python as a whole is read as Python: "lr0 / 1 + a * b" holds no "1 + a * b".
        # (Not when a keyword joins it to prose: in "D1 = ... < keep_prob is a boolean mask", "is a" is prose.)
        whole = None if any(keyword.iskeyword(t[1]) for t in fragment) else _parsed(_text(fragment))
        own = None if whole is None else solution_pieces([whole])
        for start in range(len(fragment)):
            for end in range(len(fragment), start, -1):
                text = _text(fragment[start:end])
                node = _parsed(text)
                if node is None or own is not None and _normal(node) not in own:
                    continue
                if _normal(node) in pieces and _substantial(node, text):
                    found.add(text)
                    break
    # a piece inside a longer piece found is the same finding
    return sorted(f for f in found if not any(f != g and f in g for g in found))


# ---------------------------------------------------------------------------------- the course
def _functions(tree):
    """``[(dotted name, node)]`` of the graded functions: top level and methods."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found.append((node.name, node))
        elif isinstance(node, ast.ClassDef):
            found.extend((f"{node.name}.{n.name}", n) for n in node.body if isinstance(n, ast.FunctionDef))
    return found


@functools.lru_cache(maxsize=None)
def solution_blocks(week, module):
    """``{function: (pieces of its solution blocks, its stub hints)}`` of one solution module."""
    text = (SOLUTIONS_DIR / week / f"{module}.py").read_text(encoding="utf-8")
    blocks, begin = [], None
    hints = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            begin = number
        elif stripped == END:
            blocks.append((begin, number))
            begin = None
        elif begin is not None and stripped.startswith(HINT):
            hints[number] = stripped[len(HINT):].strip()
    found = {}
    for name, function in _functions(ast.parse(text)):
        inside = [(b, e) for b, e in blocks if function.lineno <= b <= function.end_lineno]  # END may close it
        if not inside:
            continue
        nodes = [n for n in ast.walk(function) if isinstance(n, ast.stmt)
                 and any(b < n.lineno and n.end_lineno < e for b, e in inside)]
        found[name] = (solution_pieces(nodes),
                       [hint for number, hint in hints.items() if any(b < number < e for b, e in inside)])
    return found


def _modules():
    return sorted((path.parent.name, path.stem) for path in SOLUTIONS_DIR.glob("week*/*.py")
                  if path.stem != "__init__")


def stub_hints():
    """``[(week, module, function, hint)]`` for every ``### HINT:`` line."""
    return [(week, module, function, hint) for week, module in _modules()
            for function, (_, hints) in solution_blocks(week, module).items() for hint in hints]


# ---------------------------------------------------------------------------------- calibration
@pytest.mark.parametrize("hint, line", [
    ("go down with range(L - 1, 0, -1)", "for l in range(L - 1, 0, -1):\n    pass"),
    ("np.maximum(0, Z) works elementwise", "A = np.maximum(0.0, Z)"),
    ("np.clip(AL, EPS, 1 - EPS), then -np.sum(...) / m", "AL = np.clip(AL, EPS, 1 - EPS)"),
    ("(A2 > 0.5).astype(np.float64)", "predictions = (A2 > 0.5).astype(np.float64)"),
    ("the step is `w - learning_rate * dw`", "w = w - learning_rate * dw"),
    ("start from dZ2 = A2 - Y (n_y, m)", "dZ2 = A2 - Y"),
    ("np.sum(dZ, axis=1, keepdims=True) keeps db of shape (n_l, 1)",
     "db = np.sum(dZ, axis=1, keepdims=True) / m"),
    ("X[:, permutation] reorders the columns", "shuffled_X = X[:, permutation]"),
    ("v_corrected = v / (1 - beta1 ** t)", "v_corrected[g] = new_v[g] / (1 - beta1 ** t)"),
    ("the slice theta[start:start + size]", "parameters[key] = theta[start:start + size].reshape(shapes[key])"),
    ("compute s = sigmoid(x) once", "s = sigmoid(x)"),
])
def test_a_hint_that_writes_the_code_is_caught(hint, line):
    assert handed_over(hint, line)


@pytest.mark.parametrize("hint, line", [
    ("np.abs then np.sum", "loss = np.sum(np.abs(yhat - y))"),
    ("reduce over the examples (axis=1) with keepdims=True", "mean = np.mean(X, axis=1, keepdims=True)"),
    ("compute the sigmoid once, then combine it with 1 - s", "ds = s * (1 - s)"),
    ('the gradient of parameter key is grads["d" + key]',
     'new[key] = parameters[key] - learning_rate * grads["d" + key]'),
    ("n_{l-1} is layers_dims[l - 1]", "W = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))"),
    ("W{l} has the shape (layer_dims[l], layer_dims[l - 1])",
     "W = np.zeros((layer_dims[l], layer_dims[l - 1]))"),
    ("a comparison gives booleans; .astype(np.float64) turns them into 0.0 / 1.0",
     "Y_prediction = (A > 0.5).astype(np.float64)"),
    ("np.linalg.norm(..., axis=1, keepdims=True) has shape (m, 1)",
     "x_norm = np.linalg.norm(x, axis=1, keepdims=True)"),
    ("np.zeros((rows, columns)) with the sizes of layer l", "W = np.zeros((layers_dims[l], layers_dims[l - 1]))"),
    ("the caller's array stays as it was: write a new one", "w = w - learning_rate * dw"),
    ("This looks like X_train / 1 + Y_hat - Y: put the denominator in parentheses",  # read as Python
     "Z = X_train / (1 + Y_hat - Y)"),
    ("the threshold is A2 > 0.5, strictly", "predictions = (A2 > 0.5).astype(np.float64)"),
    ("the cache holds Z, the linear cache (A_prev, W, b)", "cache = ((A_prev, W, b), Z)"),
])
def test_naming_a_function_an_argument_or_a_shape_passes(hint, line):
    assert not handed_over(hint, line)


def test_fragments_are_the_backticked_spans_and_the_code_like_runs():
    texts = [_text(f) for f in code_fragments("use `np.sum(x)` then divide dW by m (dW = dZ @ A.T / m)")]
    assert "np.sum(x)" in texts and "(dW=dZ@A.T/m)" in texts
    assert "use" in texts and "divide" in texts  # prose words stay one word each


# Hints this test made the course rewrite (issue 13), against today's solutions: each hands over code.
ORIGINAL_OFFENDERS = [
    ("week4", "deep_nn", "L_model_backward", "This looks like a loop that stops before layer 1: go down through "
     "l = L-1, ..., 1, range(L - 1, 0, -1), so that dW1, db1 and dA0 exist."),
    ("week4", "deep_nn", "L_model_backward",
     'dAL from the formula above; then linear_activation_backward(dAL, caches[L - 1], "sigmoid")'),
    ("week4", "deep_nn", "relu_backward",
     "copy first (np.array(dA, dtype=np.float64)), then set the entries where Z <= 0 to 0"),
    ("week4", "deep_nn", "compute_cost", "np.clip(AL, EPS, 1 - EPS), then -np.sum(...) / m"),
    ("week4", "deep_nn", "linear_backward", "np.sum(dZ, axis=1, keepdims=True) keeps db of shape (n_l, 1)"),
    ("week4", "deep_nn", "update_parameters",
     'new[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]; the same for b'),
    ("week3", "shallow_nn", "forward_propagation",
     "np.dot(W1, X) + b1 has shape (n_h, m); np.tanh and np.maximum(0, Z1) work elementwise"),
    ("week5", "regularization", "forward_propagation_with_dropout",
     "D1 = rng.random(A1.shape) < keep_prob is a boolean mask; A1 * D1 switches units off"),
    ("week6", "optimization", "update_lr", "This looks like an exponential decay, decay_rate ** epoch_num: the "
     "course's decay is learning_rate0 / (1 + decay_rate * epoch_num)."),
    ("week7", "multiclass", "one_hot",
     "start from np.zeros((C, m)) and set one entry per column: Y[y, np.arange(m)] = 1.0"),
]


@pytest.mark.parametrize("week, module, function, hint", ORIGINAL_OFFENDERS,
                         ids=[f"{o[2]}-{i}" for i, o in enumerate(ORIGINAL_OFFENDERS)])
def test_the_hints_rewritten_for_handing_over_code_are_caught(week, module, function, hint):
    assert handed_over(hint, solution_blocks(week, module)[function][0])


# ---------------------------------------------------------------------------------- the hints
def test_stub_hints_lead_to_the_idea_without_handing_over_code():
    offenders = []
    for week, module, function, hint in stub_hints():
        pieces = handed_over(hint, solution_blocks(week, module)[function][0])
        if pieces:
            offenders.append(f"{week}/{module}.py {function}: {hint!r} writes {pieces}")
    assert not offenders, "hints that hand over code:\n" + "\n".join(offenders)


def test_mistake_hints_lead_to_the_idea_without_handing_over_code():
    offenders = []
    for entry in mistakes.catalogue():
        pieces = handed_over(entry.hint, solution_blocks(entry.week, entry.module).get(entry.function, (set(),))[0])
        if pieces:
            offenders.append(f"{entry.key}: {entry.hint!r} writes {pieces}")
    assert not offenders, "mistake hints that hand over code:\n" + "\n".join(offenders)
