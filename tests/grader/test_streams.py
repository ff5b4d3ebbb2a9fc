"""Grading in two processes gives the grade of one process, and loses nothing when a process dies."""
import json
import os
import re

import pytest

from grader.grading import streams

pytestmark = pytest.mark.skipif(not streams.supported(), reason="processes are shared on Linux only")


def _share(groups, processes, run_group):
    """``streams.share`` where each process records the groups it ran: ``{group: [pids]}``."""
    ran_here, merged = [], []

    def run(group):
        run_group(group)
        ran_here.append(group)

    streams.share(groups, processes, run, start_child=lambda: None,
                  finish_child=lambda ran: {"pid": os.getpid(), "groups": ran_here},
                  merge=merged.append)
    by_group = {}
    for summary in [{"pid": os.getpid(), "groups": ran_here}] + merged:
        for group in summary["groups"]:
            by_group.setdefault(group, []).append(summary["pid"])
    return by_group


def test_every_group_runs_once_and_both_processes_take_some():
    # Each group takes long enough that the forked process claims some before this one is done.
    by_group = _share(list(range(12)), 2, lambda group: __import__("time").sleep(0.02))
    assert sorted(by_group) == list(range(12))
    assert all(len(pids) == 1 for pids in by_group.values())
    assert len({pid for pids in by_group.values() for pid in pids}) == 2


def test_the_groups_of_a_process_that_died_run_again_here():
    parent = os.getpid()

    def run_group(group):
        if os.getpid() != parent:
            os._exit(9)  # the forked process dies in its first group, before it reports anything

    by_group = _share(list(range(6)), 2, run_group)
    assert sorted(by_group) == list(range(6))
    assert all(pids == [parent] for pids in by_group.values())


def test_one_process_when_the_jobs_share_the_cores_already(monkeypatch):
    monkeypatch.setattr(streams, "_limit", None)
    assert streams.default_processes() == min(2, streams.usable_cores())
    streams.one_process()
    assert streams.default_processes() == 1


def _without_times(report):
    text = json.dumps({k: v for k, v in report.items() if k != "duration"}, sort_keys=True)
    return re.sub(r'"duration": [0-9.e-]+', "", re.sub(r"/tmp/grader-[^ \"]*", "<tmp>", text))


def test_two_processes_grade_as_one(course):
    # Wrong code in several exercises: messages, hints and the cascade notes must all come out the same.
    submission = course.submission("two_processes", {"week3/shallow_nn.py": (
        "def layer_sizes(X, Y):\n    return (X.shape[0], 4, Y.shape[1])\n\n"
        "def compute_cost(A2, Y):\n    return float(-np.sum(Y * np.log(A2)) / Y.shape[1])\n\n"
        "def update_parameters(parameters, grads, learning_rate=1.2):\n    return parameters\n")})
    reports = [course.grade_json("week3", "--submission", submission, "--seed", "7", "--processes", n)
               for n in ("1", "2")]
    assert reports[0][0] == reports[1][0] == 1
    assert _without_times(reports[0][2]) == _without_times(reports[1][2])
    lost = {name for name, exercise in reports[1][1].items() if exercise["points"] < exercise["max_points"]}
    assert {"layer_sizes", "compute_cost", "update_parameters"} <= lost


def test_a_loop_in_one_process_leaves_the_other_to_grade_the_rest(course):
    submission = course.submission("looping_stream", {"week1/numpy_basics.py": "def basic_sigmoid(x):\n    while True:\n        pass\n"})
    code, exercises, _ = course.grade_json("week1", "--submission", submission, "--timeout", "30",
                                           "--time-limit", "6", "--processes", "2")
    assert code == 1
    assert exercises["basic_sigmoid"]["status"] == "timed out"
    assert "--time-limit" in exercises["basic_sigmoid"]["message"]
    graded = [name for name, e in exercises.items() if e["points"] == e["max_points"]]
    assert len(graded) > len(exercises) / 2  # the other process went on meanwhile
