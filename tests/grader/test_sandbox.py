"""The sandbox API that the suites use: functions, callables as arguments, objects behind handles."""
import numpy as np
import pytest

from grader import sandbox

MODULE = '''
import numpy as np

def double(x):
    return 2 * x

def apply(function, x):
    return function(x)

def scale(x, k=1.0):
    return x * k

def clear(x):
    x[:] = 0

def huge():
    return np.zeros(2**18)  # 2 MB of float64, over the limit the test sets

def not_yet():
    raise NotImplementedError()

calls = []

def record(x):
    calls.append(float(x))
    return float(x)

def seen():
    return calls

def slow_at(x, stop):
    import time
    if x == stop:
        time.sleep(60)
    return x

def dies_at(x, stop):
    import os
    if x == stop:
        os._exit(3)
    return x

class Counter:
    def __init__(self, start):
        self.count = start
    def add(self, n):
        self.count += n
        return self
    @classmethod
    def from_text(cls, text):
        return cls(int(text))
'''


@pytest.fixture()
def sub(tmp_path):
    (tmp_path / "week0").mkdir()
    (tmp_path / "week0" / "__init__.py").write_text("")
    (tmp_path / "week0" / "tools.py").write_text(MODULE)
    box = sandbox.Sandbox(tmp_path, call_timeout=5)
    previous = sandbox._active
    sandbox.activate(box)
    yield sandbox.load("week0.tools")
    box.close()
    sandbox.activate(previous)


def test_a_call_returns_plain_data(sub):
    result = sub.double(np.arange(3.0))
    assert type(result) is np.ndarray and result.tolist() == [0.0, 2.0, 4.0]


def test_submission_functions_can_be_passed_and_partially_applied(sub):
    assert sub.apply(sub.double, 2.5) == 5.0
    assert sub.apply(sub.scale.partial(k=3.0), 2.0) == 6.0
    assert sub.scale.partial(k=4.0)(1.5) == 6.0


def test_objects_stay_in_the_worker_behind_a_handle(sub):
    counter = sub.Counter(1)
    assert isinstance(counter, sandbox.RemoteObject) and counter.type_name == "Counter"
    assert counter.add(2).count == 3
    assert counter != 3 and counter == counter


def test_in_place_changes_are_visible_through_call_and_inspect(sub):
    x = np.ones(3)
    result, (after,), _ = sub.clear.call_and_inspect(x)
    assert result is None and after.tolist() == [0.0, 0.0, 0.0] and x.tolist() == [1.0, 1.0, 1.0]


def test_not_implemented_and_missing_functions_are_named(sub):
    with pytest.raises(sandbox.NotImplementedBySubmission):
        sub.not_yet()
    with pytest.raises(sandbox.SubmissionRaised, match="has no function 'nope'"):
        sub.nope()


def test_class_attributes_are_reachable_by_dotted_names(sub):
    assert sub.Counter.from_text("7").count == 7
    with pytest.raises(sandbox.SubmissionRaised, match="no function 'Counter.nope'"):
        sub.Counter.nope()


def test_an_oversized_result_is_refused_and_the_next_call_works(sub, monkeypatch):
    monkeypatch.setattr(sandbox.remote, "MAX_ANSWER_BYTES", 2**20)
    with pytest.raises(sandbox.SubmissionRaised, match="MB of data"):
        sub.huge()
    assert sub.double(1.5) == 3.0


# ---------------------------------------------------------------------------- calls together
def test_together_evaluates_in_order_with_one_batch_per_step(sub, monkeypatch):
    box = sandbox.active()
    sub.double(0.0)
    batches = []
    send = box._request_all
    monkeypatch.setattr(box, "_request_all", lambda messages: batches.append(len(messages)) or send(messages))

    def two_steps(x):  # a forward pass, then a cost of its result: two calls in a chain
        return sub.record(sub.double(x))

    assert box.together(two_steps, [1.0, 2.0, 3.0]) == [2.0, 4.0, 6.0]
    assert batches == [3, 3]
    assert sub.seen() == [2.0, 4.0, 6.0]  # the worker ran each step's calls in the order of the points


def test_an_evaluation_that_raises_makes_together_raise_its_error_and_the_others_still_ran(sub):
    def evaluate(x):
        if x == 2:
            raise AssertionError("the forward pass returned a str")
        return sub.double(x)

    with pytest.raises(AssertionError, match="returned a str"):
        sandbox.together(evaluate, [1, 2, 3])
    with pytest.raises(sandbox.NotImplementedBySubmission):
        sandbox.together(lambda x: sub.not_yet(), [1, 2])
    assert sub.double(4) == 8  # the worker still answers one call at a time


def test_a_batch_that_hangs_times_out_like_one_call(tmp_path, sub):
    box = sandbox.active()
    box.call_timeout = 1.0
    with pytest.raises(sandbox.SubmissionTimeout):
        box.together(lambda x: sub.slow_at(x, 2), [1, 2, 3])
    assert sub.double(1) == 2  # a new worker answers


def test_a_batch_whose_worker_dies_fails_the_rest_as_crashed(sub):
    with pytest.raises(sandbox.SubmissionCrashed):
        sandbox.together(lambda x: sub.dies_at(x, 2), [1, 2, 3])
    assert sub.double(1) == 2


def test_numerical_gradients_of_the_submission_go_through_together(sub, monkeypatch):
    from grader import numgrad

    box = sandbox.active()
    steps = []
    send = box._request_all
    monkeypatch.setattr(box, "_request_all", lambda messages: steps.append(len(messages)) or send(messages))
    sub.double(0.0)  # the module is imported (otherwise the first step is the points' imports)
    steps.clear()
    previous = numgrad.evaluate_points_with(sandbox.together)
    try:
        grad = numgrad.numerical_gradient(lambda v: float(np.sum(sub.double(v) ** 2)), np.array([1.0, -2.0]))
    finally:
        numgrad.evaluate_points_with(previous)
    np.testing.assert_allclose(grad, [8.0, -16.0], rtol=1e-6)
    assert steps == [4]



# ------------------------------------------------------------------------------- shared calls
def test_the_tests_of_one_computations_values_share_its_calls(sub):
    box = sandbox.active()
    box.share_calls("test_x[case]")
    assert sub.record(1.0) == 1.0 and sub.record(2.0) == 2.0
    box.share_calls("test_x[case]")  # the next value's test: the same calls in the same order
    assert sub.record(1.0) == 1.0 and sub.record(3.0) == 3.0  # the second call differs: it runs
    counter = sub.Counter(1)
    box.share_calls("test_x[case]")
    sub.record(1.0)
    box.share_calls(None)
    assert sub.seen() == [1.0, 2.0, 3.0]  # record(1.0) ran once for the three tests
    assert sub.Counter(1) is not counter  # an object is never shared: its state may change


def test_a_shared_answer_is_a_copy(sub):
    box = sandbox.active()
    box.share_calls("scope")
    first = sub.double(np.ones(3))
    first[0] = 99.0
    box.share_calls("scope")
    np.testing.assert_array_equal(sub.double(np.ones(3)), [2.0, 2.0, 2.0])
    box.share_calls(None)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_together_works_in_a_process_forked_after_it_ran(sub):
    import os

    sandbox.together(lambda x: sub.double(x), [1, 2])  # the evaluation threads now exist, in this process
    pid = os.fork()
    if pid == 0:  # the child has no threads but its own: a class graded with a pool of forked processes
        code = 1
        import signal

        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(30)  # a child whose evaluations wait forever is killed, and fails
        try:
            box = sandbox.Sandbox(sandbox.active().root, call_timeout=5)
            sandbox.activate(box)
            code = 0 if box.together(lambda x: sandbox.load("week0.tools").double(x), [1, 2]) == [2, 4] else 1
            box.close()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


@pytest.fixture()
def preloaded(tmp_path):
    """A sandbox whose worker was asked to import four modules before any call: one fine, one that
    raises at import, one that ends the worker, one fine after it; returns (sandbox, tmp_path)."""
    week = tmp_path / "week0"
    week.mkdir()
    (week / "__init__.py").write_text("")
    (week / "tools.py").write_text(MODULE)
    (week / "broken.py").write_text("raise ValueError('broken at import')\n")
    (week / "fatal.py").write_text("import os\nos._exit(4)\n")
    (week / "later.py").write_text("def one():\n    return 1\n")
    box = sandbox.Sandbox(tmp_path, call_timeout=5)
    previous = sandbox._active
    sandbox.activate(box)
    box.start()
    box.preload(["week0.tools", "week0.broken", "week0.fatal", "week0.later"])
    yield box
    box.close()
    sandbox.activate(previous)


def test_preloaded_modules_fail_or_answer_as_if_imported_at_their_first_call(preloaded):
    assert sandbox.load("week0.tools").double(2) == 4
    with pytest.raises(sandbox.SubmissionRaised, match="broken at import"):
        sandbox.load("week0.broken").anything()
    with pytest.raises(sandbox.SubmissionCrashed):
        sandbox.load("week0.fatal").anything()
    # The worker that fatal.py ended never imported later.py: a new worker imports it at its first call.
    assert sandbox.load("week0.later").one() == 1
    assert sandbox.load("week0.tools").double(3) == 6


def test_a_module_that_hangs_at_preload_times_out_on_its_own_account(tmp_path):
    week = tmp_path / "week0"
    week.mkdir()
    (week / "__init__.py").write_text("")
    (week / "stuck.py").write_text("import time\ntime.sleep(60)\n")
    (week / "tools.py").write_text(MODULE)
    box = sandbox.Sandbox(tmp_path, call_timeout=1.0)
    previous = sandbox._active
    sandbox.activate(box)
    try:
        box.exercise = "tools.double"
        box.preload(["week0.stuck", "week0.tools"])
        assert sandbox.load("week0.tools").double(2) == 4  # waited for stuck.py, then a new worker answered
        assert "tools.double" not in box._poisoned
        with pytest.raises(sandbox.SubmissionTimeout):
            sandbox.load("week0.stuck").anything()
    finally:
        box.close()
        sandbox.activate(previous)


def test_a_deferred_call_is_made_in_the_worker_and_its_result_passed_on(sub, monkeypatch):
    sent = []
    box = sandbox.active()
    original = box._request_all_encoded
    monkeypatch.setattr(box, "_request_all_encoded", lambda payloads, *a, **k: sent.append(len(payloads)) or original(payloads, *a, **k))
    sub.double(0)
    sent.clear()
    pair = sandbox.deferred(sub.apply, sub.double.partial(), (3, [4]))  # (3, [4]) doubled: (3, [4], 3, [4])
    assert sub.scale(sandbox.deferred(sub.double, 5.0), k=2.0) == 20.0
    assert pair.item(1, of=4, name="apply(double, pair)").value() == [4]
    assert pair.item((0, 3), of=4, name="apply(double, pair)").value() == (3, [4])  # several items, one call
    assert sub.double(sandbox.deferred(sub.double, sandbox.deferred(sub.double, 1))) == 8  # nested
    counter = sub.Counter(1)
    assert sandbox.deferred(counter.add, 2).value().count == 3
    # One request each; the Counter, its method's handle and reading its count: one each too.
    assert sent == [1] * 8
    with pytest.raises(AssertionError, match=r"apply\(double, pair\): expected a tuple of 2 values, got a tuple of length 4"):
        pair.item(0, of=2, name="apply(double, pair)").value()
    with pytest.raises(sandbox.NotImplementedBySubmission):
        sub.double(sandbox.deferred(sub.not_yet))
    with pytest.raises(sandbox.SubmissionRaised, match="no function 'nope'"):
        sub.double(sandbox.deferred(sub.nope))
    assert sub.double(2) == 4


def test_deferred_of_a_plain_function_is_called_at_once():
    # The fixtures are frozen from the reference module itself: the same test code must work there.
    made = sandbox.deferred(divmod, 7, 2)
    assert made.value() == (3, 1) and made.item(1, of=2, name="divmod(7, 2)").value() == 1
    assert made.item((1, 0), of=2, name="divmod(7, 2)").value() == (1, 3)
    with pytest.raises(AssertionError, match=r"divmod\(7, 2\): expected a tuple of 3 values"):
        made.item(0, of=3, name="divmod(7, 2)")


def test_together_runs_many_inputs_a_bounded_number_at_a_time(sub):
    # A numerical gradient of a few hundred points must not start a few hundred threads.
    assert sandbox.together(lambda x: sub.double(x), list(range(150))) == [2 * x for x in range(150)]
    assert sandbox._EVALUATORS.count <= sandbox.TOGETHER


@pytest.mark.skipif(sandbox.jail_module.available_mode() == sandbox.jail_module.NONE, reason="needs a jail")
def test_processes_left_by_a_preloaded_import_are_charged_to_that_module_at_its_first_call(tmp_path):
    # The preload imports every module before any test: a process one of them leaves must not be
    # charged to whichever test comes first.
    week = tmp_path / "week0"
    week.mkdir()
    (week / "__init__.py").write_text("")
    (week / "tools.py").write_text(MODULE)
    (week / "forker.py").write_text("import os, time\nif os.fork() == 0:\n    time.sleep(60)\n    os._exit(0)\n"
                                    "def f():\n    return 1\n")
    box = sandbox.Sandbox(tmp_path, call_timeout=5)
    previous = sandbox._active
    sandbox.activate(box)
    try:
        box.preload(["week0.forker", "week0.tools"])
        assert sandbox.load("week0.tools").double(2) == 4
        assert box.stop_strays() is None  # the worker that imported forker.py is gone, its process too
        assert sandbox.load("week0.forker").f() == 1  # imported again, at its own first call
        assert isinstance(box.stop_strays(), sandbox.SubmissionRaised)
    finally:
        box.close()
        sandbox.activate(previous)


@pytest.mark.skipif(sandbox.jail_module.available_mode() != sandbox.jail_module.NAMESPACES,
                    reason="a worker is handed to another process only in the namespaces jail")
@pytest.mark.parametrize("call, reason", [("dies_at", "exited with status 3"), ("segfault", "segmentation fault")])
def test_a_forked_process_handed_a_worker_learns_how_it_ended(tmp_path, call, reason):
    """The grading process starts the worker of the process it forks (grader.grading.grade): that one is
    not the launcher's parent and cannot wait for it, so the launcher tells it on the control pipe."""
    import os

    (tmp_path / "week0").mkdir()
    (tmp_path / "week0" / "__init__.py").write_text("")
    (tmp_path / "week0" / "tools.py").write_text(
        MODULE + "\ndef segfault(x, stop):\n    import ctypes\n    ctypes.string_at(0)\n")
    handed = sandbox.Sandbox(tmp_path, call_timeout=5, slot=1)
    handed.start()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            sandbox.activate(handed)
            try:
                getattr(sandbox.load("week0.tools"), call)(1, 1)
            except sandbox.SubmissionCrashed as exc:
                code = 0 if reason in str(exc) else 2
            assert sandbox.load("week0.tools").double(2) == 4  # a new worker, this process's own child
            handed.close()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    handed.close()  # what the child left (nothing) is gone; the first launcher is reaped here
    assert os.waitstatus_to_exitcode(status) == 0


def test_the_jails_of_one_grading_process_have_users_of_their_own():
    uids = {sandbox.jail_module.jail_uid(pid, slot) for pid in (1, 2, 4_194_304) for slot in (0, 1)}
    assert len(uids) == 6 and max(uids) < 2**31 - 1
    assert {sandbox.jail_module.grader_pid_of(sandbox.jail_module.jail_uid(7, slot)) for slot in (0, 1)} == {7}


def test_once_makes_a_pipeline_once_per_worker_and_raises_its_failure_at_each_ask(sub):
    box = sandbox.active()
    made = []

    def make():
        made.append(1)
        return sub.Counter(1)

    first = box.once("counter", make)
    assert box.once("counter", make) is first and len(made) == 1
    assert first.add(2).count == 3  # alive in the worker
    box._discard_worker()  # a crash: a restarted worker has none of the objects of the one before
    again = box.once("counter", make)
    assert len(made) == 2 and again.count == 1

    def fails():
        made.append(1)
        return sub.not_yet()

    for _ in range(2):
        with pytest.raises(sandbox.NotImplementedBySubmission):
            box.once("fails", fails)
    assert len(made) == 3


@pytest.mark.skipif(sandbox.jail_module.available_mode() != sandbox.jail_module.NAMESPACES,
                    reason="a worker is handed to another process only in the namespaces jail")
def test_a_handed_over_jail_ends_when_the_process_it_was_handed_to_died_first(tmp_path):
    """The grading process reads the spare's PIDs before the fork (grader.grading.plugin), so that it
    can end that jail itself if the forked process dies without ending it."""
    import os
    import time

    (tmp_path / "week0").mkdir()
    (tmp_path / "week0" / "__init__.py").write_text("")
    (tmp_path / "week0" / "tools.py").write_text(MODULE)
    handed = sandbox.Sandbox(tmp_path, call_timeout=5, slot=1)
    handed.start()
    init = handed.jail.init_pid  # what _know_the_spare does before the fork
    pid = os.fork()
    if pid == 0:
        sandbox.activate(handed)
        code = 0 if sandbox.load("week0.tools").double(2) == 4 and handed.stop_strays() is None else 1
        os._exit(code)  # dies with the jail still running
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    start = time.monotonic()
    handed.close()
    assert time.monotonic() - start < 5 and not os.path.exists(f"/proc/{init}")


@pytest.mark.skipif(sandbox.jail_module.available_mode() != sandbox.jail_module.NAMESPACES,
                    reason="one launcher starts several jails only in the namespaces jail")
def test_one_launcher_starts_two_jails_and_is_reaped_once_both_have_ended(tmp_path):
    import os
    import signal
    import time

    jail_module = sandbox.jail_module
    (tmp_path / "week0").mkdir()
    (tmp_path / "week0" / "__init__.py").write_text("")
    (tmp_path / "week0" / "tools.py").write_text(MODULE)
    jails = [jail_module.Jail(tmp_path, 2048, slot=slot) for slot in (0, 1)]
    launched = jail_module.launch(jails)
    boxes = [sandbox.Sandbox(tmp_path, call_timeout=5, slot=slot) for slot in (0, 1)]
    previous = sandbox._active
    try:
        for box, jail, process in zip(boxes, jails, launched):
            box.adopt(jail, process)
            sandbox.activate(box)
            assert sandbox.load("week0.tools").double(3) == 6
        assert jails[0].uid != jails[1].uid and jails[0].init_pid != jails[1].init_pid
        launcher = launched[0]._launcher.process
        first = jails[0].launcher_pid
        os.kill(first, signal.SIGTERM)  # ended by another process, as a forked grading process ends its own
        for _ in range(500):
            if not os.path.exists(f"/proc/{first}"):
                break
            time.sleep(0.01)
        boxes[0].close()
        assert launcher.poll() is None  # the other jail still runs: the launcher waits for it
        boxes[1].close()
        assert launcher.returncode == 0  # reaped when the last of its jails ended
    finally:
        sandbox.activate(previous)
        for box in boxes:
            box.close()
