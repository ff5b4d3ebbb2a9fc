"""Generate the learners' exercise files from the reference solutions.

In ``solutions/``, the code a learner writes sits between ``### BEGIN SOLUTION`` and
``### END SOLUTION``; optional ``### HINT: ...`` lines inside the block survive as ``# Hint: ...``.
Each block becomes ``# YOUR CODE HERE`` + ``raise NotImplementedError()`` in ``exercises/``, and
everything else (lesson docstrings, given helpers, the ``return`` after a block) is copied as is.
"""
from pathlib import Path

from ..course import EXERCISES_DIR, SOLUTIONS_DIR, CourseError, relative

BEGIN, END, HINT = "### BEGIN SOLUTION", "### END SOLUTION", "### HINT:"
PLACEHOLDER = "raise NotImplementedError()"


def stub_source(text, name="<solution>"):
    """The exercise version of one solution file's text."""
    out, block_start, hints = [], None, []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if block_start is not None:
                raise CourseError(f"{name}, line {number}: {BEGIN} inside another block (line {block_start})")
            block_start, indent, hints = number, line[: len(line) - len(line.lstrip())], []
        elif stripped == END:
            if block_start is None:
                raise CourseError(f"{name}, line {number}: {END} without {BEGIN}")
            out.append(f"{indent}# YOUR CODE HERE\n")
            out.extend(f"{indent}# Hint: {hint}\n" for hint in hints)
            out.append(f"{indent}{PLACEHOLDER}\n")
            block_start = None
        elif block_start is not None:
            if stripped.startswith(HINT):
                hints.append(stripped[len(HINT):].strip())
        else:
            out.append(line)
    if block_start is not None:
        raise CourseError(f"{name}, line {block_start}: {BEGIN} is never closed")
    return "".join(out)


def generate(solutions_dir=SOLUTIONS_DIR):
    """``{relative path: exercise text}`` for every Python file of the solutions."""
    stubs = {}
    for path in sorted(Path(solutions_dir).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(solutions_dir)
        stubs[rel] = stub_source(path.read_text(encoding="utf-8"), relative(path))
    return stubs


def out_of_date(solutions_dir=SOLUTIONS_DIR, exercises_dir=EXERCISES_DIR):
    """Exercise files that differ from what the solutions generate (missing ones included)."""
    return stale_files(generate(solutions_dir), exercises_dir)


def stale_files(generated, folder):
    """The files of ``{relative path: text}`` that are missing from ``folder`` or differ there."""
    return [Path(folder) / rel for rel, text in generated.items()
            if not (Path(folder) / rel).is_file() or (Path(folder) / rel).read_text(encoding="utf-8") != text]


def write(solutions_dir=SOLUTIONS_DIR, exercises_dir=EXERCISES_DIR, force=False):
    """Write the exercise files; returns the paths changed."""
    return write_generated(generate(solutions_dir), exercises_dir, force)


def write_generated(generated, folder, force=False):
    """Write ``{relative path: text}`` into ``folder``; returns the paths changed.

    A file that already holds a learner's code (fewer placeholders than the new version) is never
    overwritten without ``force``: regenerating must not cost anyone their work.
    """
    changed = []
    for rel, text in generated.items():
        target = Path(folder) / rel
        if target.is_file():
            current = target.read_text(encoding="utf-8")
            if current == text:
                continue
            if not force and current.count(PLACEHOLDER) < text.count(PLACEHOLDER):
                raise CourseError(f"{relative(target)} contains your own code; not overwriting it "
                                  "(use --force to replace it with a freshly generated one)")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(target)
    return changed
