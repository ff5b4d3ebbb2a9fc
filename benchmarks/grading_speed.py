"""How long grading one week takes, as a ratio to starting Python with numpy, pytest and h5py.

    python benchmarks/grading_speed.py [--repeats 5] [--compare OTHER_CHECKOUT] [--learner] [WEEK ...]

Both are measured in the same run, as whole commands (a fresh interpreter each time, the way a
learner runs the grader): every grading right after a run of the baseline, and a week's ratio is the
median of its gradings' ratios to the baseline run just before each. As on a learner's machine, Python
caches the compiled modules (PYTHONDONTWRITEBYTECODE is unset for the commands, and each runs once
before the timing): the baseline's packages were compiled when pip installed them. The goal: grading
one week of the reference solutions takes at most 3x the baseline.

``--learner`` also times a learner's own run: a copy of the solutions graded as any submission is,
unisolated (``GRADER_JAIL=none``, as for a learner who is not root), so with the guard on the
course's files, in one process.
"""
import os
import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.course import weeks as all_weeks  # noqa: E402

BASELINE = [sys.executable, "-c", "import numpy, pytest, h5py"]


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
GOAL = 3.0


def wall_time(command, cwd=ROOT, env=None):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, env={**ENV, **(env or {})})
    seconds = time.perf_counter() - start
    if done.returncode == 1:  # a whole grading all the same; worth knowing (a flaky test?): what was lost
        lines = done.stdout.decode(errors="replace").splitlines()
        lost = [shown for i, line in enumerate(lines) if line.rstrip().endswith(("failed", "error", "timed out", "crashed"))
                for shown in lines[i:i + 2]]  # the exercise and its first message
        print(f"warning: {' '.join(command[1:])} in {cwd} lost points:", *lost, sep="\n    ", file=sys.stderr)
    elif done.returncode:
        raise subprocess.CalledProcessError(done.returncode, command)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("weeks", nargs="*", help="weeks to time (default: all)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--compare", metavar="DIR", type=Path,
                        help="another checkout of the course (e.g. `git worktree add DIR HEAD~3`), timed in the "
                             "same run, alternating with this one: its grader is the one its folder holds")
    parser.add_argument("--learner", action="store_true",
                        help="also time a learner's own run: a copy of the solutions, unisolated, guarded")
    args = parser.parse_args()
    weeks = args.weeks or all_weeks()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "submission"
        if args.learner:
            shutil.copytree(ROOT / "solutions", copy, ignore=shutil.ignore_patterns("__pycache__"))
        run(args, weeks, copy if args.learner else None)


def run(args, weeks, learner_copy):
    # `python -m grader` run in a checkout imports that checkout's grader (the folder comes first on sys.path).
    roots = {"this": ROOT, **({"other": args.compare.resolve()} if args.compare else {})}
    commands = {("baseline", "this"): BASELINE}
    commands.update({(w, root): [sys.executable, "-m", "grader", w, "--solutions"] for w in weeks for root in roots
                     if (roots[root] / "tests" / w).is_dir()})  # the other checkout may have fewer weeks
    learner = {}
    if learner_copy is not None:
        commands.update({(f"{w} learner", root): [sys.executable, "-m", "grader", w, "--submission", str(learner_copy),
                                                  "--allow-unisolated"]
                         for w in weeks for root in roots if (roots[root] / "tests" / w).is_dir()})
        learner = {"GRADER_JAIL": "none"}
    times = {key: [] for key in commands}

    def timed(name, root, command):
        return wall_time(command, roots[root], learner if name.endswith("learner") else None)

    for (name, root), command in commands.items():  # warm the file cache and compile the modules
        timed(name, root, command)
    # Each command right after a run of the baseline: this machine's speed drifts from minute to minute
    # (a shared virtual machine), and a ratio of two runs a second apart is steadier than one of medians.
    ratios = {key: [] for key in commands}
    for _ in range(args.repeats):
        for (name, root), command in commands.items():
            if name == "baseline":
                continue
            before = timed("baseline", "this", BASELINE)
            times[("baseline", "this")].append(before)
            times[(name, root)].append(timed(name, root, command))
            ratios[(name, root)].append(times[(name, root)][-1] / before)
    base = statistics.median(times[("baseline", "this")])
    print(f"baseline `python -c \"import numpy, pytest, h5py\"`: median {base:.2f} s over "
          f"{len(times[('baseline', 'this')])} runs, one right before each timed grading; a week's ratio is the "
          "median of its gradings' ratios to the baseline run before each")
    print()
    if not args.compare:
        print(f"| week | grading time (median) | ratio to baseline (goal: at most {GOAL:g}x) |")
        print("|---|---|---|")
    else:
        print(f"| week | {args.compare} (median) | this checkout (median) | this / other |")
        print("|---|---|---|---|")
    rows = [week for week in weeks] + ([f"{week} learner" for week in weeks] if learner_copy is not None else [])
    for week in rows:
        t, ratio = statistics.median(times[(week, "this")]), statistics.median(ratios[(week, "this")])
        if not args.compare:
            print(f"| {week} | {t:.2f} s | {ratio:.1f}x |")
            continue
        if (week, "other") not in times:
            print(f"| {week} | (no such week) | {t:.2f} s ({ratio:.1f}x) | |")
            continue
        other, other_ratio = statistics.median(times[(week, "other")]), statistics.median(ratios[(week, "other")])
        print(f"| {week} | {other:.2f} s ({other_ratio:.1f}x) | {t:.2f} s ({ratio:.1f}x) | {t / other:.2f} |")


if __name__ == "__main__":
    main()
