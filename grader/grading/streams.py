"""A session's exercises shared between this process and forked copies of it, each with a worker of
its own: with two cores, one process's Python (pytest, the checks, the references) runs while the
other's worker computes, instead of each waiting for the other.

The session collects its tests once, then forks. Every process claims the next group of tests (an
exercise) from a pipe that holds all their numbers, runs it, and claims again until the pipe is empty:
a read of a few bytes from a pipe is atomic, so no group is claimed twice, and the quicker process
takes more. A forked process sends what it found as JSON when the pipe is empty, and ends. A group it
claimed but never reported (it crashed) is run again here, so a grade never misses an exercise. Each
exercise runs whole in one process with the session's seed: the results are those of one process.

Linux only: forking a process that has imported numpy is safe there; macOS frameworks are not fork-safe
and Windows has no fork. Imports only the jail's ``prctl`` of the grader.
"""
import json
import os
import signal
import struct
import sys
import threading

from ..sandbox.jail import PR_SET_PDEATHSIG, prctl

DEFAULT_PROCESSES = 2  # measured on 2 cores; more would add a worker's start-up each for shorter weeks
_CLAIM = struct.Struct("<H")  # a group's number in the claims pipe (reads of 2 bytes are atomic)
_limit = None  # set by one_process(): processes already share the cores (a class, the catalogue)


def supported():
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_processes():
    """How many processes grade one submission: up to two where the machine has the cores for them."""
    if _limit is not None or not supported():
        return 1
    return max(1, min(DEFAULT_PROCESSES, usable_cores()))


def one_process():
    """From now on this process (and what it forks) grades each submission in one process."""
    global _limit
    _limit = 1


def share(groups, processes, run_group, start_child, finish_child, merge):
    """``run_group(group)`` for every group, in this process and ``processes - 1`` forked ones.

    In a forked process, ``start_child()`` runs first (it starts its own worker), then
    ``finish_child(ran)`` ends it and returns a JSON-able summary of the groups it ran (their numbers
    in ``ran``), which ``merge(summary)`` receives here once that process has ended. Returns when every
    group has run and every forked process has ended.
    """
    if len(groups) >= 2 ** (8 * _CLAIM.size):
        raise ValueError("too many groups to share")
    claims_read, claims_write = os.pipe()
    os.write(claims_write, b"".join(_CLAIM.pack(i) for i in range(len(groups))))  # fits the pipe's buffer
    os.close(claims_write)
    sys.stdout.flush()
    sys.stderr.flush()
    children = []  # (pid, reader thread, received chunks)
    try:
        for _ in range(processes - 1):
            answers_read, answers_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(answers_read)
                for _, _, _, other in children:
                    os.close(other)  # an earlier sibling's channel is not this one's
                _run_child(claims_read, answers_write, groups, run_group, start_child, finish_child)
            os.close(answers_write)
            received = []
            reader = threading.Thread(target=_drain, args=(answers_read, received), daemon=True)
            reader.start()
            children.append((pid, reader, received, answers_read))
        ran = _claim_and_run(claims_read, groups, run_group)
        for pid, reader, _, _ in children:
            reader.join()
            os.waitpid(pid, 0)
    except BaseException:  # Ctrl-C, or a failure of the grader's own: none of them may outlive it
        for pid, _, _, _ in children:
            _kill(pid)
        raise
    finally:
        os.close(claims_read)
    for pid, _, received, _ in children:
        try:
            answer = json.loads(b"".join(received))
        except ValueError:
            continue  # it crashed: what it claimed runs again below
        ran += answer["ran"]
        merge(answer["summary"])
    for index in sorted(set(range(len(groups))) - set(ran)):
        run_group(groups[index])


def _run_child(claims_read, answers_write, groups, run_group, start_child, finish_child):
    code = 1
    try:
        # The grader killed: this process goes too, and its worker with it.
        if prctl(PR_SET_PDEATHSIG, signal.SIGKILL) and os.getppid() == 1:
            return
        start_child()
        ran = []
        try:
            ran = _claim_and_run(claims_read, groups, run_group)
        finally:
            summary = finish_child(ran)
        data = memoryview(json.dumps({"ran": ran, "summary": summary}).encode())
        while data:
            data = data[os.write(answers_write, data):]
        code = 0
    finally:
        os._exit(code)  # never the parent's exit handlers, nor pytest's end of session


def _claim_and_run(claims_read, groups, run_group):
    ran = []
    while True:
        claim = os.read(claims_read, _CLAIM.size)
        if len(claim) < _CLAIM.size:
            return ran
        index = _CLAIM.unpack(claim)[0]
        run_group(groups[index])
        ran.append(index)


def _drain(fd, chunks):
    with os.fdopen(fd, "rb") as stream:
        while True:
            chunk = stream.read(1 << 16)
            if not chunk:
                return
            chunks.append(chunk)


def _kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
