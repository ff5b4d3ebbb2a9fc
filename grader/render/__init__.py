"""Turn a :class:`grader.results.GradingResults` into text for a person or a machine.

Grading fills one results model; each format here only reads it (otter-grader's "one results model,
several renderers"), so a new output format never touches the grading code. The CLI picks the format
and decides about colour; renderers never look at the terminal or the environment.

May import the core only (:mod:`grader.results`).
"""
from . import gradescope, json_format, text


def _junit(results, color=False):
    from . import junit  # only for this format: importing its XML library would cost every report 10 ms

    return junit.render(results, color=color)


_RENDERERS = {
    "text": text.render,
    "json": json_format.render,
    "gradescope": gradescope.render,
    "junit": _junit,
}
FORMATS = tuple(_RENDERERS)


def render(results, fmt="text", color=False, verbose=False):
    """The report for ``results`` in format ``fmt`` (one of :data:`FORMATS`); ``color`` and ``verbose``
    (every failed check, not only the first of each exercise) only affect text: the machine formats
    always hold every test.

    Every format ends with a newline, so the CLI can print it with ``end=""`` or write it to a file as is.
    """
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}: choose from {', '.join(FORMATS)}") from None
    return text.render(results, color=color, verbose=verbose) if fmt == "text" else renderer(results, color=color)
