"""The student release: a copy of the course for learners, with nothing they should not get.

``python -m grader release OUT_DIR [--through WEEK]`` writes the course into ``OUT_DIR`` (a new or empty
folder outside the course), built from the course's last commit, never from the working tree:

- **Committed files only.** The files come from ``git archive HEAD``, unpacked into a temporary staging
  folder, so what is not committed (a ``submissions/`` folder, ``grades.csv``, a virtual environment, a
  notebook filled in while testing) never gets in. Uncommitted changes to files the release takes are
  named in a note ("commit them first"); the release goes on without them.
- **Exercises and notebooks written fresh** from the staged ``solutions/`` (:func:`grader.tools.stubs.generate`
  and :func:`grader.tools.notebooks.generate`), so a stub or a notebook edited by hand cannot carry a solution
  into the release.
- **Week by week.** With ``--through week4`` the release holds weeks 1 to 4 only: no file of a later
  week anywhere (exercises, notebooks, suites and fixtures, examples; a file belongs to a week when a
  part of its path is ``weekN`` or starts with ``weekN_``), and the learners' README and results page
  hold those weeks only (:func:`learner_readme`, :func:`learner_page`; a line of them that still names
  another week or the solutions gets a note). The data in ``datasets/`` is shared by the weeks and
  always ships.
- **The learners' pages.** ``README.md`` and the pages of ``docs/`` that learners need
  (:data:`LEARNER_DOCS`: the results of every week, with their pictures in ``docs/images/``) are rewritten for learners: the instructors'
  parts (``<!-- begin instructors ... -->`` to ``<!-- end instructors -->``) and the weeks not released
  (``<!-- weekN -->`` to ``<!-- end weekN -->``, and their rows of a table) left out. A relative link of
  theirs that the release cannot follow (a page or a heading it does not hold) gets a note
  (:func:`link_notes`).
- **Left out**: ``solutions/``; every ``mistakes/`` folder (a catalogue of wrong implementations); the
  hidden cases, ``tests/weekN/fixtures/hidden/``; instructor-only files: ``.github/`` (a workflow that
  grades the solutions), ``.ci/versions`` and ``.ci/oldest.txt`` (the version matrix, which grades the
  solutions and the mistakes), ``benchmarks/``, ``tests/grader/test_stubs.py`` (it tests the stub generator on
  a sample solution block, markers included), every page of ``docs/`` but :data:`LEARNER_DOCS` (the
  instructors' guide, the proof of the suites, the benchmarks); what is not course material (caches, virtual
  environments, build output, ``grades*.csv``, ``autograder*.zip``). ``examples/`` ships: the scripts
  train the learner's own code.

Before it returns, :func:`write_release` checks the copy (:func:`check_release`): no ``solutions/``,
``mistakes/`` or hidden fixtures, no solution marker line (``### BEGIN SOLUTION``), and no answer. The
answers are fingerprinted from the solution blocks of every week (:class:`Answers`): the significant
lines of each block, normalised. An answer of week Y may appear only in a file of a later week (the
given helper module of week 6 may hold week 4's forward pass: by week 6 week 4 is done); a file of
no week (``grader/``, ``README.md``, ``datasets/``, ``tests/grader/``) may hold none. When the check
fails, :class:`UnsafeRelease` says which file holds which answer, and the release is left in place
for inspection. Answers of earlier weeks in given helpers are listed in the release's notes. The
fingerprints find copies of the solutions' lines, not the same computation written another way.
"""
import ast
import fnmatch
import json
import math
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import stubs
from ..course import COURSE_ROOT, CourseError, resolve_weeks, week_sort_key

# Left out wherever they are (names of folders or files).
EXCLUDED_NAMES = {".git", ".hg", "__pycache__", ".tox", ".nox", ".pytest_cache", ".mypy_cache", ".ruff_cache",
                  ".ipynb_checkpoints", ".benchmarks", ".venv", "venv", "mistakes", ".DS_Store", ".coverage"}
EXCLUDED_SUFFIXES = (".egg-info", ".pyc")
# Left out by their path in the course (shell patterns, "/" separators).
EXCLUDED_PATHS = ["solutions", "build", "dist", ".github", "benchmarks", ".ci/versions", ".ci/oldest.txt",
                  "tests/*/fixtures/hidden", "tests/grader/test_stubs.py", "grades*.csv", "autograder*.zip"]
# The pages of docs/ that learners need (rewritten like README.md); every other file of docs/ stays out.
LEARNER_DOCS = ("docs/results.md",)
LEARNER_IMAGES = "docs/images"  # the pictures of the learners' pages (a week's in docs/images/weekN/)
# Written from the solutions (their committed copies are used only when there are no solutions).
GENERATED = ("exercises", "notebooks")
MARKERS = (stubs.BEGIN, stubs.END)
_WEEK_PART = re.compile(r"^(week\d+)(?:$|[_.\-])")


class UnsafeRelease(Exception):
    """The release would hand learners what they must not have (it is left in place for inspection)."""


def is_excluded(rel, is_dir=False, root=COURSE_ROOT):
    """Whether the course path ``rel`` (``tests/week1/fixtures/hidden``) stays out of the release."""
    rel = Path(rel).as_posix()
    name = rel.rsplit("/", 1)[-1]
    if name in EXCLUDED_NAMES or name.endswith(EXCLUDED_SUFFIXES):
        return True
    if is_dir and (Path(root) / rel / "pyvenv.cfg").is_file():  # a virtual environment, whatever its name
        return True
    if rel.startswith("docs/") and not (rel in LEARNER_DOCS or is_dir and any(
            page.startswith(rel + "/") for page in (*LEARNER_DOCS, LEARNER_IMAGES))
            or rel == LEARNER_IMAGES or rel.startswith(LEARNER_IMAGES + "/")):
        return True
    return any(fnmatch.fnmatchcase(rel, pattern) for pattern in EXCLUDED_PATHS)


def file_week(rel):
    """The week a course file belongs to (``tests/week4/test_deep_nn.py``, ``notebooks/week4_network.ipynb``,
    ``examples/week4_deep_nn.py``: ``"week4"``), or None for a file of no week (``grader/cli/main.py``)."""
    for part in Path(rel).parts:
        match = _WEEK_PART.match(part)
        if match:
            return match.group(1)
    return None


def _week_number(week):
    return week_sort_key(week)[0]


def in_weeks(rel, through):
    """Whether a file belongs in a release of the weeks up to ``through`` (None: every week)."""
    week = file_week(rel)
    return through is None or week is None or _week_number(week) <= _week_number(through)


def release_files(root=COURSE_ROOT, through=None):
    """``[relative path]`` of every file of the folder ``root`` that the release copies as it is (the
    generated exercises and notebooks aside)."""
    found = []
    root = Path(root)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(is_excluded(Path(*rel.parts[:i]), is_dir=True, root=root) for i in range(1, len(rel.parts))):
            continue
        if path.is_file() and not is_excluded(rel, root=root) and in_weeks(rel, through):
            found.append(rel)
    return found


# ------------------------------------------------------------------------------------- the release
@dataclass
class Release:
    """What :func:`write_release` wrote, and what the person releasing should know."""

    out: Path
    commit: str
    weeks: list
    files: int
    uncommitted: list = field(default_factory=list)
    helpers: dict = field(default_factory=dict)  # {file: [Block of an earlier week found in it]}
    readme: list = field(default_factory=list)  # what the learners' README says that is not true for them

    def notes(self):
        notes = []
        if self.uncommitted:
            shown = ", ".join(self.uncommitted[:8]) + (f" and {len(self.uncommitted) - 8} more"
                                                       if len(self.uncommitted) > 8 else "")
            notes.append(f"not in the release: uncommitted changes to {shown}; commit them first")
        notes.extend(self.readme)
        if self.helpers:
            notes.append("answers of earlier weeks in given code (allowed: by then those weeks are done):\n"
                         + "\n".join(f"    {rel} ({file_week(rel)}): " + "; ".join(
                             f"{w} {', '.join(b.name for b in blocks)}" for w, blocks in _by_week(found))
                                     for rel, found in self.helpers.items()))
        return notes

    def summary(self):
        weeks = (f"{self.weeks[0]}-{self.weeks[-1]}" if len(self.weeks) > 1 else "".join(self.weeks)) or "no week"
        return f"wrote {self.files} files to {self.out} ({weeks}, from commit {self.commit})"


def _by_week(blocks):
    weeks = {}
    for block in blocks:
        weeks.setdefault(block.week, []).append(block)
    return sorted(weeks.items(), key=lambda item: week_sort_key(item[0]))


def write_release(out_dir, through=None, root=None):
    """Write the release of the course at ``root`` (default: this course) into ``out_dir``, from the
    last commit; with ``through`` (``"week4"``), only weeks up to that one. Returns a :class:`Release`.

    Raises :class:`CourseError` for bad input (an unknown week, a folder that is not new, no git
    checkout) and :class:`UnsafeRelease` when the written copy fails :func:`check_release`."""
    root = Path(root or COURSE_ROOT).resolve()
    if through is not None:
        through = resolve_weeks([through])[-1]  # the grader's own week validation (`4` -> `week4`)
    out = Path(out_dir).resolve()
    if out == root or root in out.parents:
        raise CourseError(f"{out_dir} is inside the course: choose a folder outside it")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CourseError(f"{out_dir} exists and is not empty: choose a new folder")
    git = _Git(root)
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        staged = Path(tmp) / "course"
        commit = git.extract_head(staged)
        every_week = sorted({p.parent.name for p in (staged / "tests").glob("week*/test_*.py")}, key=week_sort_key)
        if through is not None and through not in every_week:
            raise CourseError(f"{through} is not in the last commit ({commit}): commit it first")
        weeks = [w for w in every_week if in_weeks(w, through)]
        solutions = staged / "solutions"
        has_solutions = solutions.is_dir() and any(solutions.rglob("*.py"))
        out.mkdir(parents=True, exist_ok=True)
        generated = _generated(solutions, through) if has_solutions else {}
        for rel, text in generated.items():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(text, encoding="utf-8")
        count = len(generated) + _copy_staged(staged, out, through, skip=generated)
        answers = Answers.from_solutions(solutions) if has_solutions else None
        uncommitted = git.uncommitted(lambda rel: _takes(rel, through, has_solutions))
    untrue = []
    for rel in ("README.md", *LEARNER_DOCS):
        page = out / rel
        if page.is_file():
            text = page.read_text(encoding="utf-8")
            text = (learner_readme(text, weeks, partial=weeks != every_week) if rel == "README.md"
                    else learner_page(text, weeks))
            page.write_text(text, encoding="utf-8")
            untrue += readme_notes(text, weeks, rel)
    untrue += link_notes(out)
    problems, helpers = inspect_release(out, answers)
    if problems:
        raise UnsafeRelease(f"the release in {out_dir} holds what learners must not have (it is left there for "
                            "inspection; nothing was handed out):\n  " + "\n  ".join(problems[:30])
                            + (f"\n  ... and {len(problems) - 30} more" if len(problems) > 30 else ""))
    return Release(out, commit, weeks, count, uncommitted, helpers, untrue)


def _copy_staged(staged, out, through, skip):
    """Copy the staged files the release takes as they are (not those in ``skip``); returns how many."""
    count = 0
    for rel in release_files(staged, through):
        if rel not in skip:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(staged / rel, target)
            count += 1
    return count


def _generated(solutions, through):
    """``{relative path: text}`` of the stubs and the notebooks of the weeks released, generated from
    the staged solutions."""
    from . import notebooks  # nbformat is imported only by the commands that need it

    files = {Path("exercises") / rel: text for rel, text in stubs.generate(solutions).items()}
    files.update({Path("notebooks") / name: text for name, text in notebooks.generate(solutions).items()})
    return {rel: text for rel, text in files.items() if in_weeks(rel, through) and not is_excluded(rel)}


def _takes(rel, through, has_solutions):
    """Whether a change to the course file ``rel`` changes the release (the solutions are the source of
    the generated exercises and notebooks, which are not taken as they are)."""
    rel = Path(rel)
    if not in_weeks(rel, through):
        return False
    if rel.parts[0] == "solutions":
        return has_solutions and rel.suffix == ".py"
    if rel.parts[0] in GENERATED and has_solutions:
        return False
    return not any(is_excluded(Path(*rel.parts[:i]), is_dir=i < len(rel.parts)) for i in range(1, len(rel.parts) + 1))


class _Git:
    """The few git commands the release needs, run in the course folder."""

    def __init__(self, root):
        self.root = root
        if shutil.which("git") is None:
            raise CourseError("git is not installed: the release is built from the course's last commit, "
                              "so it needs git (https://git-scm.com)")
        done = self._run("rev-parse", "--show-prefix", check=False)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["not a git repository"])[0]
            raise CourseError(f"{root} is not a git checkout ({reason.removeprefix('fatal: ')}): the release is "
                              "built from the course's last commit")
        self.prefix = done.stdout.strip().rstrip("/")
        if self._run("rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
            raise CourseError(f"{root} has no commit yet: the release is built from the course's last commit")

    def _run(self, *args, check=True):
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise CourseError(f"git {args[0]} failed: {done.stderr.strip() or done.returncode}")
        return done

    def extract_head(self, target):
        """Unpack the committed files of the course into ``target``; returns the commit's short name."""
        commit = self._run("rev-parse", "--short", "HEAD").stdout.strip()
        target.mkdir(parents=True)
        tree = f"HEAD:{self.prefix}" if self.prefix else "HEAD"
        with subprocess.Popen(["git", "archive", "--format=tar", tree], cwd=self.root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
            try:
                with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                    extra = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
                    archive.extractall(target, **extra)
            except tarfile.TarError as exc:
                raise CourseError(f"cannot unpack the last commit ({commit}): {exc}") from None
            error = process.stderr.read().decode(errors="replace")
        if process.returncode != 0:
            raise CourseError(f"git archive failed: {error.strip() or process.returncode}")
        return commit

    def uncommitted(self, relevant):
        """Course files changed since the last commit (staged or not) for which ``relevant(rel)``."""
        done = self._run("diff", "--name-only", "--relative", "-z", "HEAD")
        return [rel for rel in sorted(set(done.stdout.split("\0"))) if rel and relevant(rel)]


# ------------------------------------------------------------------------------ learners' README
_INSTRUCTORS = re.compile(r"<!-- begin instructors.*?-->.*?<!-- end instructors -->[ \t]*\n?", re.S)
_WEEK_SECTION = re.compile(r"<!-- (week\d+) -->[ \t]*\n(.*?)<!-- end \1 -->[ \t]*\n?", re.S)
_TABLE_ROW = re.compile(r"^\|\s*(week\d+)\s*\|.*\n?", re.M)

# Sentences of README.md that are true for instructors only -> what the learners' copy says instead
# (matched whatever the line breaks; tests/grader/test_release.py checks that each is still there).
REWRITES = {
    "Reference solutions, real data and the grader's own tests live in the same repository, for learners "
    "and for the instructors who teach with it.":
        "The real data and the grader's own tests come with it.",
    "# (1) install, then grade the reference solutions of every week: full marks, exit status 0\n"
    "python -m pip install -e . && python -m grader all --solutions":
        "# (1) install, then grade your exercises of every week (untouched: all \"not implemented\")\n"
        "python -m pip install -e . && python -m grader all",
    "# (2) install, then run the whole test suite (the suites on the solutions, and the grader's own tests)":
        "# (2) install, then run the course's own tests (those that need the reference solutions are skipped)",
}


def learner_page(text, weeks=None):
    """A page for learners (a page of :data:`LEARNER_DOCS`): the instructors' parts (between ``<!-- begin
    instructors`` and ``<!-- end instructors -->``) left out, and, when ``weeks`` is given, only those
    weeks: the rows of a table that start with another week and the parts between ``<!-- weekN -->`` and
    ``<!-- end weekN -->`` of the others are left out."""
    text = _INSTRUCTORS.sub("", text)
    text = _WEEK_SECTION.sub(lambda m: m.group(2) if weeks is None or m.group(1) in weeks else "", text)
    if weeks is not None:
        text = _TABLE_ROW.sub(lambda m: m.group(0) if m.group(1) in weeks else "", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def learner_readme(text, weeks=None, partial=False):
    """The README for learners: :func:`learner_page`, with the sentences of :data:`REWRITES` rewritten
    and a note at the top. ``partial``: the release holds the first weeks of the course only, and the
    note says so."""
    for old, new in REWRITES.items():
        pattern = r"\s+".join(re.escape(word) for word in old.split())
        text = re.sub(pattern, lambda _: new, text)
    text = learner_page(text, weeks)
    held = ""
    if partial and weeks:
        held = (f" It holds weeks {_week_number(weeks[0])} to {_week_number(weeks[-1])}; the next weeks come "
                "later." if len(weeks) > 1 else f" It holds week {_week_number(weeks[0])}; the next weeks come later.")
    note = ("> This is the learners' copy of the course: the reference solutions stay with your instructor." + held
            + " The scripts in `examples/` train your own code from `exercises/`, so they run once you have written "
            "the exercises they use; the results below are what they reach when your code is right.\n\n")
    first_break = text.find("\n\n")
    return text[:first_break + 2] + note + text[first_break + 2:] if first_break != -1 else note + text


def readme_notes(text, weeks, name="README.md"):
    """What the learners' page ``name`` (``text``) still says that is untrue for a release of ``weeks``:
    lines that name a week it does not hold, or the solutions (a part of the page without its markers)."""
    later, solutions = [], []
    held = {_week_number(w) for w in weeks}
    for number, line in enumerate(text.splitlines(), start=1):
        if any(int(n) not in held for n in re.findall(r"(?i)\bweek[\s_]?(\d+)", line)):
            later.append(str(number))
        if "solutions/" in line or "--solutions" in line:
            solutions.append(str(number))
    notes = []
    if later:
        notes.append(f"the learners' {name} names weeks the release does not hold (lines {', '.join(later[:10])}"
                     f"{' ...' if len(later) > 10 else ''}): mark those parts of {name} with <!-- weekN --> and "
                     "<!-- end weekN -->")
    if solutions:
        notes.append(f"the learners' {name} mentions the solutions (lines {', '.join(solutions[:10])}): put those "
                     f"parts of {name} between <!-- begin instructors --> and <!-- end instructors -->")
    return notes


_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def _without_code(text):
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def anchors(text):
    """The anchors GitHub gives the headings of the Markdown ``text`` (``## Week 1: what it reaches`` ->
    ``week-1-what-it-reaches``; a repeated one gets ``-1``, ``-2``, ...)."""
    seen, found = {}, set()
    for heading in _HEADING.findall(_FENCE.sub("", text)):
        heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken_links(page, root):
    """``[target]`` of the relative links of the Markdown file ``page`` that lead nowhere inside the folder
    ``root``: a file or folder that is not there, outside ``root``, or a heading the page linked to does
    not have. Links to the web (``https:``, ``mailto:``) are not followed."""
    page, root = Path(page), Path(root).resolve()
    broken = []
    for target in _LINK.findall(_without_code(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page.resolve()
        if not (linked == root or root in linked.parents) or not linked.exists():
            broken.append(target)
        elif anchor and linked.is_file() and linked.suffix == ".md" and anchor not in anchors(
                linked.read_text(encoding="utf-8")):
            broken.append(target)
    return broken


def link_notes(out):
    """A note for every learners' page of the release at ``out`` with links that lead nowhere in it."""
    notes = []
    for rel in ("README.md", *LEARNER_DOCS):
        if (Path(out) / rel).is_file():
            broken = broken_links(Path(out) / rel, out)
            if broken:
                notes.append(f"the learners' {rel} links to what the release does not hold ({', '.join(broken[:10])}"
                             f"{' ...' if len(broken) > 10 else ''}): put those links between <!-- begin instructors "
                             "--> and <!-- end instructors -->, or in the part of their week")
    return notes


# ----------------------------------------------------------------------------------- the checks
def check_release(out, answers=None):
    """What makes the release at ``out`` unsafe for learners (empty when nothing does). ``answers``: the
    :class:`Answers` to look for (default: those of this course's solutions, when it has them)."""
    return inspect_release(out, answers)[0]


def inspect_release(out, answers=None):
    """``(problems, helpers)``: what makes the release at ``out`` unsafe, and ``{file: [Block]}`` of the
    answers of earlier weeks that given code of later weeks holds (allowed)."""
    out = Path(out)
    if answers is None:
        from ..course import SOLUTIONS_DIR

        answers = Answers.from_solutions(SOLUTIONS_DIR) if SOLUTIONS_DIR.is_dir() else Answers([])
    problems = [f"{p.relative_to(out).as_posix()}: instructors only" for p in sorted(out.rglob("*")) if p.is_dir()
                and (p.name in ("solutions", "mistakes") or (p.name == "hidden" and p.parent.name == "fixtures"))]
    helpers = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        lines = _lines(path)
        for number, line in enumerate(lines, start=1):
            if line.strip() in MARKERS:
                problems.append(f"{rel}, line {number}: a solution marker")
                break
        forbidden, allowed = answers.found(lines, file_week(rel))
        if forbidden:
            where = f"a file of {file_week(rel)}" if file_week(rel) else "a file of no week"
            problems.append(f"{rel}: the answer of " + "; ".join(b.describe(hits) for b, hits in forbidden)
                            + f" ({where}: answers may appear only in the given code of a later week)")
        if allowed:
            helpers[rel] = [b for b, _ in allowed]
    return problems, helpers


def _lines(path):
    """The text lines of a file; a notebook's cell lines; nothing for a binary file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
            return [line for cell in cells for line in "".join(cell.get("source", "")).splitlines()]
        except (ValueError, AttributeError, TypeError):
            pass
    return text.splitlines()


def normalise(line):
    """A line as the fingerprints compare it: stripped, without its comment, spaces collapsed (none
    around punctuation), so ``x = a+b  # sum`` and ``x=a + b`` are the same line."""
    text, quote = line.strip(), None
    for i, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            text = text[:i]
            break
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r" ?([^\w\s]) ?", r"\1", text)


# A line this plain says nothing about an answer: a keyword alone, a name, a bracket, `return x`.
_PLAIN = re.compile(r"(?:else:|try:|finally:|pass|break|continue|return|[\w.]+|return [\w.]+|[)\]}]+[,:]?"
                    r"|except(?: [\w.]+(?: as \w+)?)?:|with .* as \w+:|if \w+ ?[<>=!]+ ?\w+:)$")


@dataclass(frozen=True)
class Block:
    """One solution block: its week, where it is, the function it is in, and its significant lines."""

    week: str
    path: str
    line: int
    name: str
    lines: tuple

    def needed(self):
        """How many of its lines make a file hold this answer: all of one or two, else half or more."""
        return len(self.lines) if len(self.lines) <= 2 else max(2, math.ceil(len(self.lines) / 2))

    def describe(self, hits):
        return f"{self.week} {self.name} ({self.path}, line {self.line}: {hits} of {len(self.lines)} lines)"


class Answers:
    """Fingerprints of the answers: for every solution block, its significant lines, normalised.

    A line of a block is the answer of the first week whose blocks have it (week 5's backward pass
    repeats lines of week 3's: those are week 3's answer), and a block's fingerprint is the lines that
    are its week's own answer, leaving out plain lines (:data:`_PLAIN`: ``else:``, ``return x``) and
    lines that the given code (outside the blocks) of the solutions of that week or an earlier one has
    too (``m = X.shape[1]``, ``return parameters``: learners are given those anyway). A file holds a
    block's answer when it has :meth:`Block.needed` of the fingerprint's lines.
    """

    def __init__(self, blocks):
        self.blocks = blocks

    @classmethod
    def from_solutions(cls, solutions_dir):
        solutions_dir = Path(solutions_dir)
        raw, given = [], {}
        for path in sorted(solutions_dir.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            rel = path.relative_to(solutions_dir)
            week = file_week(rel)
            number = _week_number(week) if week else 0
            text = path.read_text(encoding="utf-8")
            names = _enclosing_names(text)
            block = None
            for n, line in enumerate(text.splitlines(), start=1):
                stripped = line.strip()
                if stripped == stubs.BEGIN:
                    block = (week, f"solutions/{rel.as_posix()}", n, names(n), [])
                elif stripped == stubs.END:
                    if block is not None and week is not None:
                        raw.append(block)
                    block = None
                elif block is not None:
                    if not stripped.startswith(stubs.HINT) and normalise(line):
                        block[4].append(normalise(line))
                elif normalise(line):
                    given.setdefault(normalise(line), set()).add(number)
        first_week = {}
        for week, _, _, _, lines in raw:
            for line in lines:
                first_week[line] = min(first_week.get(line, 10**6), _week_number(week))
        blocks = []
        for week, where, n, name, lines in raw:
            own = tuple(line for line in dict.fromkeys(lines) if first_week[line] == _week_number(week)
                        and not _PLAIN.match(line) and not any(g <= first_week[line] for g in given.get(line, ())))
            if own:
                blocks.append(Block(week, where, n, name, own))
        return cls(blocks)

    def found(self, lines, week=None):
        """``(forbidden, allowed)``: ``[(Block, lines found)]`` of the answers in a file of ``week`` (None:
        a file of no week) that it must not hold, and of the earlier weeks' answers it may hold."""
        present = {normalise(line) for line in lines}
        forbidden, allowed = [], []
        for block in self.blocks:
            hits = sum(line in present for line in block.lines)
            if hits >= block.needed():
                later = week is not None and _week_number(week) > _week_number(block.week)
                (allowed if later else forbidden).append((block, hits))
        return forbidden, allowed


def _enclosing_names(text):
    """``names(line)``: the function (``Class.method``) that a line of the module ``text`` is in."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return lambda n: "?"
    spans = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                spans.append((child.lineno, child.end_lineno, name))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")

    def names(n):
        inside = [(start, name) for start, end, name in spans if start <= n <= end]
        return max(inside)[1] if inside else "<module>"
    return names
