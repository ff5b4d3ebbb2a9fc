"""The worker process: imports a submission and runs its functions on request.

It is started by :class:`grader.sandbox.Sandbox` inside the jail of :mod:`grader.sandbox.jail`, which
gives it a copy of this module and :mod:`grader.codec` (never the grader's package), and talks over
its original stdin/stdout, which it moves to private file descriptors before any learner code runs;
the learner's own prints go to a log file. Its answers are :mod:`grader.codec` messages, so nothing
the submission creates is ever unpickled by the grader; the grader's requests come pickled
(:func:`grader.codec.encode_request`), which only this process, the submission's, reads. The worker refuses imports of the course's
``solutions``, ``tests`` and ``grader`` packages, and reports every exception (``SystemExit`` and
``KeyboardInterrupt`` included) as data. Everything it answers is checked by the grading process; it
decides nothing.
"""
import builtins
import functools
import gc
import importlib
import importlib.abc
import io
import os
import struct
import sys
import traceback
from pathlib import Path

from .. import codec

# This module runs inside the worker too, where a submission may replace builtins (``isinstance``
# that always says True, ...). Module-level names shadow builtins, so it keeps using the originals.
from builtins import callable, getattr, isinstance, len, repr, str, type  # noqa: E402,A004

PACKAGE = "submission"
BLOCKED = ("solutions", "tests", "grader")


class _ImportBlocker(importlib.abc.MetaPathFinder):
    """Refuse the course's own packages: a submission must not use the reference solutions."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED:
            raise ImportError(f"importing {fullname!r} is not allowed while a submission is graded")
        return None


class Worker:
    def __init__(self, submission_root, channel_in, channel_out):
        self.root = Path(submission_root).resolve()
        self.channel_out = channel_out
        self.reader = io.FileIO(channel_in, "rb", closefd=False)  # unbuffered: reads into a given buffer
        self.objects = {}
        self.modules = {}
        self.import_errors = {}

    # -------------------------------------------------------------------------------- messages
    def read(self):
        head = self._read_exact(8)
        payload = None if head is None else self._read_exact(struct.unpack("<Q", head)[0])
        if payload is None:
            return None
        self.deferred_in_request = False
        message = codec.decode_request(payload, self._resolve)
        if self.deferred_in_request and isinstance(message, dict):
            message["deferred"] = True  # its arguments hold calls to make first (_Deferred)
        return message

    def _read_exact(self, n):
        data = bytearray(n)  # read into place: no chunks to join
        view, got = memoryview(data), 0
        while got < n:
            read = self.reader.readinto(view[got:])
            if not read:
                return None
            got += read
        return data

    def send(self, message):
        try:
            payload = codec.encode(message, make_handle=self._make_handle)
        except BaseException as exc:  # noqa: BLE001 - a learner's __float__ may raise anything
            payload = codec.encode({"error": {"kind": "unsendable", "type": type(exc).__name__,
                                              "message": _safe_str(exc), "where": ""}})
        self.write(payload)

    def write(self, payload):
        head = struct.pack("<Q", len(payload))
        if len(payload) <= 1 << 16:  # one write, one wake-up of the grader
            payload, head = head + payload, b""
        for data in (head, payload):  # a large answer is not copied once more behind its frame
            view = memoryview(data)
            while view:
                view = view[os.write(self.channel_out, view):]

    # ------------------------------------------------------------------------ objects by handle
    def _make_handle(self, obj):
        hid = len(self.objects) + 1
        self.objects[hid] = obj
        text = _safe_str(obj, repr)[:200]
        return codec.Handle(hid, type(obj).__qualname__, callable(obj), text)

    def _resolve(self, kind, *args):
        """What a request's reference stands for (grader.sandbox.remote._reference): an object held here,
        a call to make (made when the request runs), or a function of the submission."""
        if kind == "handle":
            return self.objects[args[0]]
        if kind == "call":
            self.deferred_in_request = True
            return _Deferred(*args)
        module, name, kwargs = args
        function = self._lookup(module, name)
        return functools.partial(function, **kwargs) if kwargs else function

    # ----------------------------------------------------------------------------- submission
    def _lookup(self, module, name):
        """``name`` in the submission's ``module``; dotted for class attributes (``Model.load``)."""
        value = self.load(module)
        for part in name.split("."):
            value = getattr(value, part, None)
            if value is None:
                raise _Missing(f"{module.split('.')[-1]}.py has no function {name!r}")
        return value

    def load(self, module):
        """Import ``week1.numpy_basics`` from the submission folder (as ``submission.week1...``)."""
        if module in self.import_errors:
            raise self.import_errors[module]
        if module not in self.modules:
            file = self.root.joinpath(*module.split(".")).with_suffix(".py")
            if not file.is_file():
                raise _Missing(f"{file.relative_to(self.root).as_posix()} is missing from the submission")
            try:
                self.modules[module] = importlib.import_module(f"{PACKAGE}.{module}")
            except BaseException as exc:  # noqa: BLE001 - SystemExit at import time included
                self.import_errors[module] = _ImportFailure(module, exc)
                raise self.import_errors[module] from None
        return self.modules[module]

    def handle(self, request):
        op = request["op"]
        if op == "import":
            module = self.load(request["module"])
            for name in request.get("oracles", ()):
                if callable(getattr(module, name, None)):
                    setattr(module, name, _Oracle(self, name))
            return {"ok": None}
        if op == "getattr":
            return {"ok": getattr(request["handle"], request["name"])}  # already resolved
        if op == "call":
            if "handle" in request:
                func = request["handle"]
            else:
                func = self._lookup(request["module"], request["name"])
            args, kwargs = list(request["args"]), dict(request["kwargs"])
            if request.get("deferred"):
                args, kwargs = _made(args), _made(kwargs)
            result = func(*args, **kwargs)
            answer = {"ok": result}
            if request.get("inspect_args"):
                answer["args_after"] = args
                answer["kwargs_after"] = kwargs
            return answer
        if op == "value":
            return {"ok": _made(request["of"])}
        raise ValueError(f"unknown request {op!r}")

    def serve(self):
        self.send({"ready": True})
        while True:
            request = self.next_request()
            if request is None:
                return
            if isinstance(request, dict) and request.get("op") == "batch":
                # The calls of one step of Sandbox.together: all read before any runs (so the channel
                # holds only answers, and replies to a reference's calls), then answered in order.
                batch = [self.next_request() for _ in range(request["count"])]
                if None in batch:
                    return
            else:
                batch = [request]
            for one in batch:
                self.send(self.answer(one))

    def next_request(self):
        """The next request; the exception decoding it raised instead; None when the grader is done."""
        try:
            return self.read()
        except codec.CodecError as exc:
            return _Protocol(str(exc))
        except BaseException as exc:  # noqa: BLE001 - resolving a function argument imports learner code
            return exc

    def answer(self, request):
        if isinstance(request, _Protocol):
            return {"error": {"kind": "protocol", "type": "CodecError", "message": request.message, "where": ""}}
        try:
            if isinstance(request, BaseException):
                raise request
            answer = self.handle(request)
        except BaseException as exc:  # noqa: BLE001 - report everything, even SystemExit
            _restore_builtins()
            try:
                answer = {"error": self.describe(exc)}
            except BaseException:  # noqa: BLE001 - the submission broke something we rely on
                answer = {"error": {"kind": "raised", "type": "Exception", "where": "",
                                    "message": "your code broke the grader's error reporting"}}
        _restore_builtins()  # what the submission did to builtins must not break the answer
        return answer

    def describe(self, exc):
        if isinstance(exc, _ImportFailure):
            info = self.describe(exc.cause)
            info["kind"] = "import"
            info["message"] = f"importing {exc.module.replace('.', '/')}.py failed: {info['type']}: {info['message']}"
            return info
        if isinstance(exc, _Unpack):
            return {"kind": "unpack", "type": "", "message": "", "where": "", "value": exc.value,
                    "arity": exc.arity, "name": exc.name}
        kind = "missing" if isinstance(exc, _Missing) else "raised"
        return {"kind": kind, "type": type(exc).__name__, "message": _safe_str(exc),
                "where": self._where(exc)}

    def _where(self, exc):
        """The innermost traceback line inside the submission: ``week1/numpy_basics.py, line 12, in sigmoid``."""
        where = ""
        for frame in traceback.extract_tb(exc.__traceback__):
            try:
                rel = Path(frame.filename).resolve().relative_to(self.root)
            except (ValueError, OSError):
                continue
            where = f"{rel.as_posix()}, line {frame.lineno}, in {frame.name}"
        return where


class _Oracle:
    """Stands in for a function of the learner's that fails its own checks, while another exercise
    that calls it is graded again: the call goes to the grading process, which runs the reference
    there and answers with its result (plain values only; the reference never reaches this process)."""

    def __init__(self, worker, name):
        self.worker, self.name = worker, name

    def __call__(self, *args, **kwargs):
        try:
            request = codec.encode({"oracle": {"name": self.name, "args": list(args), "kwargs": dict(kwargs)}})
        except (TypeError, ValueError, codec.CodecError):
            raise TypeError(f"the reference {self.name} takes plain values (numbers, arrays, lists, dicts) only") \
                from None
        self.worker.write(request)
        reply = self.worker.read()
        if reply is None:
            raise SystemExit(0)  # the grader closed the channel
        if "error" in reply:
            raise RuntimeError(f"the reference {self.name}, called by your code, raised {reply['error']}")
        return reply["ok"]


class _Deferred:
    """A call the grader asked for as an argument of another (:class:`grader.codec.Call`): made when
    that request runs, and its result (or one item of it) passed on in its place."""

    def __init__(self, target, args, kwargs, index, arity, name):
        self.target, self.args, self.kwargs = target, args, kwargs
        self.index, self.arity, self.name = index, arity, name

    def make(self):
        value = self.target(*_made(self.args), **_made(self.kwargs))
        if self.arity is not None and not (isinstance(value, (tuple, list)) and len(value) == self.arity):
            raise _Unpack(value, self.arity, self.name)
        if type(self.index) is tuple:
            return tuple(value[i] for i in self.index)
        return value if self.index is None else value[self.index]


def _made(value):
    """``value`` with every :class:`_Deferred` in its lists, tuples and dicts replaced by its result."""
    t = type(value)
    if t is _Deferred:
        return value.make()
    if t is list or t is tuple:
        return t(_made(v) for v in value)
    if t is dict:
        return {k: _made(v) for k, v in value.items()}
    return value


class _Unpack(Exception):
    """A deferred call's result is not the tuple of ``arity`` values its request expected."""

    def __init__(self, value, arity, name):
        super().__init__(name)
        self.value, self.arity, self.name = value, arity, name


class _ImportFailure(Exception):
    def __init__(self, module, cause):
        super().__init__(module)
        self.module, self.cause = module, cause


class _Missing(Exception):
    pass


class _Protocol:
    """A request that could not be decoded: answered with a protocol error, never raised."""

    def __init__(self, message):
        self.message = message


_ORIGINAL_BUILTINS = dict(vars(builtins))


def _restore_builtins():
    namespace = vars(builtins)
    for name in [n for n in namespace if n not in _ORIGINAL_BUILTINS]:
        del namespace[name]
    namespace.update(_ORIGINAL_BUILTINS)


MAX_MESSAGE = 10_000  # characters of an exception message sent to the grader (which keeps fewer)


def _safe_str(obj, fn=str):
    try:
        text = fn(obj)
        return text[:MAX_MESSAGE] if type(text) is str else f"<{type(obj).__name__}>"
    except BaseException:  # noqa: BLE001 - a learner's __str__ may raise anything
        return f"<{type(obj).__name__}>"


def main(argv=None):
    submission_root = (argv or sys.argv[1:])[0]  # its limits were set by the jail (grader.sandbox.jail) before it started
    # Private copies of the channel before learner code can print to fd 1 or read fd 0; what it
    # prints goes where the grader sent stderr: the worker's log.
    channel_in, channel_out = os.dup(0), os.dup(1)
    with open(os.devnull, "rb") as devnull:
        os.dup2(devnull.fileno(), 0)
    os.dup2(2, 1)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)

    import numpy  # noqa: F401 - imported before learner code, which cannot then replace it

    package = type(sys)(PACKAGE)
    package.__path__ = [str(Path(submission_root).resolve())]
    sys.modules[PACKAGE] = package
    worker = Worker(submission_root, channel_in, channel_out)
    # The worker keeps its own references; forgetting the modules makes `import grader` go through
    # the blocker like any other import.
    for name in [n for n in sys.modules if n.split(".")[0] in BLOCKED]:
        del sys.modules[name]
    sys.meta_path.insert(0, _ImportBlocker())
    # Started with the cyclic garbage collector off (grader.sandbox's bootstrap): NumPy's import makes
    # only long-lived objects. It is on for the submission's code, and skips those objects (gc.freeze).
    gc.freeze()
    gc.enable()
    worker.serve()


if __name__ == "__main__":
    main()
