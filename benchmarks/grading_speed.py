"""How long grading one week takes, as a ratio to starting Python with numpy, pytest and h5py.

    python benchmarks/grading_speed.py [--repeats 5] [--compare OTHER_CHECKOUT] [WEEK ...]

Both are measured in the same run, alternating, as whole commands (a fresh interpreter each time,
the way a learner runs the grader), and the medians are compared. As on a learner's machine, Python
caches the compiled modules (PYTHONDONTWRITEBYTECODE is unset for the commands, and each runs once
before the timing): the baseline's packages were compiled when pip installed them. The goal: grading
one week of the reference solutions takes at most 3x the baseline.
"""
import os
import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.course import weeks as all_weeks  # noqa: E402

BASELINE = [sys.executable, "-c", "import numpy, pytest, h5py"]


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
GOAL = 3.0


def wall_time(command, cwd=ROOT):
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("weeks", nargs="*", help="weeks to time (default: all)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--compare", metavar="DIR", type=Path,
                        help="another checkout of the course (e.g. `git worktree add DIR HEAD~3`), timed in the "
                             "same run, alternating with this one: its grader is the one its folder holds")
    args = parser.parse_args()
    weeks = args.weeks or all_weeks()
    # `python -m grader` run in a checkout imports that checkout's grader (the folder comes first on sys.path).
    roots = {"this": ROOT, **({"other": args.compare.resolve()} if args.compare else {})}
    commands = {("baseline", "this"): BASELINE}
    commands.update({(w, root): [sys.executable, "-m", "grader", w, "--solutions"] for w in weeks for root in roots
                     if (roots[root] / "tests" / w).is_dir()})  # the other checkout may have fewer weeks
    times = {key: [] for key in commands}
    for (name, root), command in commands.items():  # warm the file cache and compile the modules
        wall_time(command, roots[root])
    for _ in range(args.repeats):
        for (name, root), command in commands.items():
            times[(name, root)].append(wall_time(command, roots[root]))
    base = statistics.median(times[("baseline", "this")])
    print(f"baseline `python -c \"import numpy, pytest, h5py\"`: median {base:.2f} s over {args.repeats} runs")
    print()
    if not args.compare:
        print(f"| week | grading time (median) | ratio to baseline (goal: at most {GOAL:g}x) |")
        print("|---|---|---|")
    else:
        print(f"| week | {args.compare} (median) | this checkout (median) | this / other |")
        print("|---|---|---|---|")
    for week in weeks:
        t = statistics.median(times[(week, "this")])
        if not args.compare:
            print(f"| {week} | {t:.2f} s | {t / base:.1f}x |")
            continue
        if (week, "other") not in times:
            print(f"| {week} | (no such week) | {t:.2f} s ({t / base:.1f}x) | |")
            continue
        other = statistics.median(times[(week, "other")])
        print(f"| {week} | {other:.2f} s ({other / base:.1f}x) | {t:.2f} s ({t / base:.1f}x) | {t / other:.2f} |")


if __name__ == "__main__":
    main()
