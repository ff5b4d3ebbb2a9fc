"""How long grading one week takes, as a ratio to starting Python with numpy, pytest and h5py.

    python benchmarks/grading_speed.py [--repeats 5] [WEEK ...]

Both are measured in the same run, alternating, as whole commands (a fresh interpreter each time,
the way a learner runs the grader), and the medians are compared. The goal: grading one week of the
reference solutions takes at most 4x the baseline.
"""
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


def wall_time(command):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("weeks", nargs="*", help="weeks to time (default: all)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    weeks = args.weeks or all_weeks()
    commands = {"baseline": BASELINE}
    commands.update({w: [sys.executable, "-m", "grader", w, "--solutions"] for w in weeks})
    times = {name: [] for name in commands}
    wall_time(BASELINE)  # warm the file cache
    for _ in range(args.repeats):
        for name, command in commands.items():
            times[name].append(wall_time(command))
    base = statistics.median(times["baseline"])
    print(f"baseline `python -c \"import numpy, pytest, h5py\"`: median {base:.2f} s over {args.repeats} runs")
    print()
    print("| week | grading time (median) | ratio to baseline |")
    print("|---|---|---|")
    for week in weeks:
        t = statistics.median(times[week])
        print(f"| {week} | {t:.2f} s | {t / base:.1f}x |")


if __name__ == "__main__":
    main()
