"""Plain data that may cross from a submission to the grader, and its encoding.

The grading process never unpickles anything a submission produced. Values travel as a JSON tree
plus raw array buffers, and decoding rebuilds them from scratch, checking every tag, dtype and size.
The other way, the grading process pickles its requests (:func:`encode_request`): the worker runs the
submission anyway, so nothing it is sent can do harm there, and it reads them several times faster.
Only these types exist on the grading side: ``None``, ``bool``, ``int``, ``float``, ``complex``,
``str``, ``bytes``, numpy arrays and scalars of numeric, boolean or string dtype, and ``tuple``,
``list`` and ``dict`` of those. Anything else a submission returns stays in its worker process and is
represented here by a :class:`Handle`.

The same tree (JSON + arrays) is what fixture files store in HDF5, so fixtures and the sandbox share
one notion of "a value".
"""
import io
import math
import pickle
import struct
from json import dumps as json_dumps, loads as json_loads
from dataclasses import dataclass

import numpy as np

# This module runs inside the worker too, where a submission may replace builtins (``isinstance``
# that always says True, ...). Module-level names shadow builtins, so it keeps using the originals.
from builtins import isinstance, len, str, type  # noqa: E402,A004

MAX_DEPTH = 64
ALLOWED_DTYPE_KINDS = "biufcSU"  # bool, int, uint, float, complex, bytes, str: never objects

# What :func:`decode` accepts, checked before the work each limit protects (messages come from a
# submission's process, so they may be built to exhaust the grading process). Real answers and
# fixtures are far below every limit: the largest fixture blob has a 31 KB header and 720 arrays.
MAX_HEADER_BYTES = 8 * 2**20  # the JSON tree; array data travels as raw bytes after it
MAX_ARRAYS = 10_000
# A tree of MAX_DEPTH levels nests JSON at most 3 levels per value ({"dict": [[key, value]]}) plus a
# few for the header: deeper JSON is refused before json.loads, whose C parser recurses once per level.
MAX_JSON_DEPTH = 4 * MAX_DEPTH + 8
MAX_NUMBER_CHARS = 4300 + 1  # a sign and Python's default limit of int <-> str digits (to_tree uses str())
_MAX_NDIM = 64  # numpy's own limits on an array's dimensions (numpy 1.x: 32) and on each one
_MAX_DIM = np.iinfo(np.intp).max
_DECODING_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, MemoryError, RecursionError)


class CodecError(ValueError):
    """A value that cannot be represented as plain data, or bytes that are not a valid encoding."""


class Remote:
    """The base of the grading process's proxies for objects that live in the worker
    (:class:`grader.sandbox.RemoteObject`): the checks name such a value by its ``type_name``."""

    __slots__ = ()


@dataclass(frozen=True)
class Handle:
    """Reference to an object that lives in a worker process (a class instance, a method, ...)."""

    id: int
    type_name: str
    callable: bool
    text: str = ""


def copied(value):
    """A copy of plain data whose containers and arrays the holder may change; anything else
    (numbers, strings, a handle to an object in the worker) is shared."""
    t = type(value)
    if t is np.ndarray:
        return value.copy()
    if t in (list, tuple):
        return t(copied(v) for v in value)
    if t is dict:
        return {k: copied(v) for k, v in value.items()}
    return value


def holds(value, kind):
    """Whether plain data ``value`` holds an instance of ``kind`` (in its lists, tuples and dicts)."""
    t = type(value)
    if t is kind:
        return True
    if t in (list, tuple):
        return any(holds(v, kind) for v in value)
    if t is dict:
        return any(holds(v, kind) for v in value.values())
    return False


# --------------------------------------------------------------------------------------- to a tree
def to_tree(value, arrays, make_handle=None, depth=0):
    """Encode ``value`` as a JSON-able tree; arrays are appended to ``arrays`` and referenced by index.

    ``make_handle(obj) -> Handle`` is given only in a worker: objects that are not plain data become
    handles there. Without it (in the grading process and for fixtures) they are an error.
    Exact type checks (not ``isinstance``) keep subclasses with their own ``__eq__``/``__reduce__``
    out: a subclass of a plain type is converted to the plain type, which runs its code here, in the
    process that produced it.
    """
    if depth > MAX_DEPTH:
        raise CodecError(f"value is nested more than {MAX_DEPTH} levels deep")
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        return {"int": str(value)}
    if t is float:
        return {"float": float.hex(value)}
    if t is complex:
        return {"complex": [float.hex(value.real), float.hex(value.imag)]}
    if t is bytes:
        return {"bytes": _add_array(arrays, np.frombuffer(value, dtype=np.uint8))}
    if t is np.ndarray:
        return {"array": _add_array(arrays, value)}
    if isinstance(value, np.generic) and t.__module__ == "numpy":
        return {"scalar": _add_array(arrays, np.asarray(value))}
    if t is tuple or t is list:
        items = [to_tree(v, arrays, make_handle, depth + 1) for v in value]
        return {"tuple" if t is tuple else "list": items}
    if t is dict:
        return {"dict": [[to_tree(k, arrays, make_handle, depth + 1), to_tree(v, arrays, make_handle, depth + 1)]
                         for k, v in value.items()]}
    if make_handle is not None:
        plain = _plain_equivalent(value)
        if plain is not None:
            return to_tree(plain, arrays, make_handle, depth + 1)
        h = make_handle(value)
        return {"object": [h.id, h.type_name, h.callable, h.text]}
    raise CodecError(f"cannot send a {t.__module__}.{t.__qualname__} object")


def _plain_equivalent(value):
    """Subclasses of plain types (np.matrix, namedtuple, a float subclass...) as the plain type."""
    for base in (bool, int, float, complex, str, bytes):
        if isinstance(value, base):
            return base(value)
    if isinstance(value, np.ndarray):
        return np.array(value, subok=False)
    if isinstance(value, np.generic):
        return np.asarray(value)[()]
    if isinstance(value, tuple):
        return tuple(value)
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return None


def _add_array(arrays, array):
    if array.dtype.kind not in ALLOWED_DTYPE_KINDS:
        raise CodecError(f"cannot send an array of dtype {array.dtype} (only numbers, booleans and strings)")
    arrays.append(array if array.flags.c_contiguous else array.copy(order="C"))  # keeps 0-d arrays 0-d
    return len(arrays) - 1


# ------------------------------------------------------------------------------------- from a tree
def from_tree(tree, arrays, depth=0):
    """Rebuild a value from :func:`to_tree`'s output, validating every node (``{"object": ...}``, an
    object that stayed in the worker, becomes a :class:`Handle`)."""
    if depth > MAX_DEPTH:
        raise CodecError("value is nested too deeply")
    if tree is None or type(tree) in (bool, str):
        return tree
    if type(tree) is not dict or len(tree) != 1:
        raise CodecError("malformed value")
    (tag, body), = tree.items()
    if tag == "int":
        return _number(int, body)
    if tag == "float":
        return _number(float.fromhex, body)
    if tag == "complex":
        re, im = _items(body, 2)
        return complex(_number(float.fromhex, re), _number(float.fromhex, im))
    if tag == "bytes":
        return _array(arrays, body).tobytes()
    if tag == "array":
        return _array(arrays, body)
    if tag == "scalar":
        array = _array(arrays, body)
        if array.ndim != 0:
            raise CodecError("malformed scalar")
        return array[()]
    if tag == "tuple":
        return tuple(from_tree(v, arrays, depth + 1) for v in _expect(body, list))
    if tag == "list":
        return [from_tree(v, arrays, depth + 1) for v in _expect(body, list)]
    if tag == "dict":
        out = {}
        for pair in _expect(body, list):
            k, v = _items(pair, 2)
            key = from_tree(k, arrays, depth + 1)
            try:
                out[key] = from_tree(v, arrays, depth + 1)
            except TypeError as exc:  # an unhashable key
                raise CodecError(f"malformed dict key: {exc}") from None
        return out
    if tag == "object":
        hid, type_name, is_callable, text = _items(body, 4)
        return Handle(_expect(hid, int), _expect(type_name, str), _expect(is_callable, bool), _expect(text, str))
    raise CodecError(f"unknown value tag {_short(tag)}")


def _expect(value, kind):
    if type(value) is not kind:
        raise CodecError("malformed value")
    return value


def _items(value, count):
    """``value``, a list of exactly ``count`` items (to unpack without a ValueError)."""
    if type(value) is not list or len(value) != count:
        raise CodecError("malformed value")
    return value


def _number(parse, text):
    """``parse(text)`` for the decimal text of an int or the hex text of a float, as a CodecError if
    it is not one: bounded in length, so that no text can make the quadratic int() parser run long."""
    if type(text) is not str or len(text) > MAX_NUMBER_CHARS:
        raise CodecError("malformed number")
    try:
        return parse(text)
    except (ValueError, OverflowError):
        raise CodecError("malformed number") from None


def _short(value, limit=60):
    """``repr(value)`` for an error message, cut: the value may be megabytes a submission sent."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _array(arrays, index):
    if type(index) is not int or not 0 <= index < len(arrays):
        raise CodecError("malformed array reference")
    return arrays[index]


class _ReceivedArrays:
    """The arrays of one message, each of which the tree may use once (as :func:`to_tree` does): a
    message cannot turn one large buffer into many copies with ``{"bytes": 0}`` repeated."""

    def __init__(self, arrays):
        self._arrays = arrays
        self._used = bytearray(len(arrays))

    def __len__(self):
        return len(self._arrays)

    def __getitem__(self, index):
        if self._used[index]:
            raise CodecError("an array is used twice")
        self._used[index] = 1
        return self._arrays[index]


# ------------------------------------------------------------------------------- tree <-> bytes
# Message layout: 4-byte header length, JSON header {"tree", "arrays": [[dtype, shape], ...]}, then
# each array's raw bytes in order.
def encode(value, make_handle=None):
    """``value`` as a message; CodecError for a value that :func:`decode` would refuse for its size, so
    that a worker reports it as a value the grader cannot read (and says why)."""
    arrays = []
    tree = to_tree(value, arrays, make_handle)
    if len(arrays) > MAX_ARRAYS:
        raise CodecError(f"the value holds {len(arrays)} numpy arrays, scalars or bytes objects "
                         f"(at most {MAX_ARRAYS} can be sent)")
    specs = [[a.dtype.str, list(a.shape)] for a in arrays]
    header = json_dumps({"tree": tree, "arrays": specs}, separators=(",", ":")).encode()
    if len(header) > MAX_HEADER_BYTES:
        raise CodecError(f"the value's Python objects take {len(header) / 2**20:.1f} MB to send (at most "
                         f"{MAX_HEADER_BYTES // 2**20} MB; the data of numpy arrays is not counted)")
    # A C-ordered array's memory as it is (one copy, into the message): tobytes() would copy it first,
    # which for a few megabytes costs more than the join.
    return b"".join([struct.pack("<I", len(header)), header]
                    + [a.data if a.flags.c_contiguous else a.tobytes() for a in arrays])


def decode(data):
    """The value of an :func:`encode` message; :class:`CodecError` for anything else.

    ``data`` may come from a hostile process: every limit is checked before the work it bounds (the
    header's size before parsing it, its nesting before ``json.loads``, each array's size before
    copying it), so a bad message costs little time and memory, and every failure is a CodecError.
    """
    view = memoryview(data)
    if len(view) < 4:
        raise CodecError("truncated message")
    (n,) = struct.unpack("<I", view[:4])
    if n > MAX_HEADER_BYTES:
        raise CodecError(f"message header of {n} bytes (at most {MAX_HEADER_BYTES} allowed)")
    if 4 + n > len(view):
        raise CodecError("truncated message header")
    raw = bytes(view[4:4 + n])
    _check_nesting(raw)
    try:
        # Strict UTF-8 (encode writes ASCII): json.loads would also read UTF-16 and UTF-32, whose
        # code units can hold the bytes of quotes and brackets that _check_nesting counts.
        header = json_loads(raw.decode("utf-8"))
        tree, specs = header["tree"], header["arrays"]
    except _DECODING_ERRORS:
        raise CodecError("malformed message header") from None
    if type(specs) is not list or len(specs) > MAX_ARRAYS:
        raise CodecError(f"malformed message header (a list of at most {MAX_ARRAYS} arrays expected)")
    offset, arrays = 4 + n, []
    for spec in specs:
        dtype_str, shape = _items(spec, 2)
        dtype = _safe_dtype(dtype_str)
        shape = _safe_shape(shape)
        size = dtype.itemsize * math.prod(shape)
        if offset + size > len(view):
            raise CodecError("truncated array data")
        try:
            arrays.append(np.frombuffer(view[offset:offset + size], dtype=dtype).reshape(shape).copy())
        except (ValueError, TypeError, MemoryError):  # e.g. an itemsize of 0 (dtype "S0")
            raise CodecError(f"malformed array of dtype {dtype} and shape {_short(shape)}") from None
        offset += size
    if offset != len(view):
        raise CodecError("trailing bytes after the last array")
    try:
        return from_tree(tree, _ReceivedArrays(arrays))
    except RecursionError:  # only if the caller's stack is already nearly full: the depth is checked
        raise CodecError("value is nested too deeply") from None


# --------------------------------------------------------------------- requests, grader -> worker
def encode_request(value, reference):
    """A request of the grading process to its worker, pickled; only the worker reads it
    (:func:`decode_request`). ``reference(obj)`` gives ``(kind, *args)`` for an object that stands for
    something the worker holds or makes (an object of the submission's, one of its functions, a call
    to make there: see ``grader.sandbox.remote``), None for plain data. Arrays travel in C order, as
    :func:`encode` sends them. Returns ``(message, kinds)``: ``kinds``, the set of kinds referred to."""
    buffer = io.BytesIO()
    pickler = _RequestPickler(buffer, reference)
    pickler.dump(value)
    return buffer.getvalue(), pickler.kinds


class _RequestPickler(pickle.Pickler):
    def __init__(self, file, reference):
        super().__init__(file, protocol=5)
        self.reference, self.kinds = reference, set()

    def reducer_override(self, obj):  # not called for None, bools, ints, floats, strings, lists, dicts, tuples
        if type(obj) is np.ndarray:
            return NotImplemented if obj.flags.c_contiguous else np.ascontiguousarray(obj).__reduce_ex__(5)
        found = self.reference(obj)
        if found is None:
            return NotImplemented
        self.kinds.add(found[0])
        return _referred, found


def _referred(kind, *args):
    """What a request's reference stands for; only the worker's :func:`decode_request` makes it."""
    raise CodecError(f"a reference to a worker's {kind} outside the worker")


def decode_request(data, resolve):
    """The request :func:`encode_request` made, with ``resolve(kind, *args)`` in place of each reference."""
    return _RequestUnpickler(io.BytesIO(data), resolve).load()


class _RequestUnpickler(pickle.Unpickler):
    def __init__(self, file, resolve):
        super().__init__(file)
        self.resolve = resolve

    def find_class(self, module, name):
        if module == __name__ and name == _referred.__name__:
            return self.resolve  # the worker's, not the grader's module: the worker cannot import grader
        return super().find_class(module, name)


def _safe_shape(shape):
    if type(shape) is not list or len(shape) > _MAX_NDIM:
        raise CodecError("malformed array shape")
    for d in shape:
        if type(d) is not int or not 0 <= d <= _MAX_DIM:
            raise CodecError("malformed array shape")
    return tuple(shape)


# Only these bytes matter to the nesting of JSON: "[" and "{" open a level, "]" and "}" close one,
# unless they are inside a string. ``translate`` keeps them as int8 codes: +1 / -1 steps, 2 for a quote.
_NOT_STRUCTURE = bytes(c for c in range(256) if c not in b'"[]{}')
_STRUCTURE_CODES = bytes.maketrans(b'"[{]}', b"\x02\x01\x01\xff\xff")


def _check_nesting(raw):
    """CodecError when the JSON text ``raw`` nests deeper than MAX_JSON_DEPTH, in a few passes of C code.

    Brackets inside strings do not count: escaped backslashes and quotes are removed first (left to
    right, as JSON reads them), so that the quotes left open and close strings. For text that is not
    JSON the count may be wrong, but json.loads stops at the first byte that is not JSON, and the count
    is right for the valid part before it, which is as deep as json.loads ever gets.
    """
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = raw.translate(_STRUCTURE_CODES, _NOT_STRUCTURE)
    if len(structure) <= MAX_JSON_DEPTH:  # most messages: too few brackets to matter
        return
    # Two quotes in a row are a string without brackets (or the end of one and the start of the next):
    # dropping them leaves every other quote's parity, so only strings with brackets remain to mask.
    structure = structure.replace(b"\x02\x02", b"")
    codes = np.frombuffer(structure, dtype=np.int8)
    if b"\x02" in structure:
        quotes = codes == 2
        in_string = (np.cumsum(quotes, dtype=np.uint8) & 1).view(bool)  # after an odd number of quotes
        codes = np.where(quotes | in_string, 0, codes)
    if codes.size and np.cumsum(codes, dtype=np.int32).max() > MAX_JSON_DEPTH:
        raise CodecError(f"message header nested more than {MAX_JSON_DEPTH} levels deep")


def _safe_dtype(dtype_str):
    known = _KNOWN_DTYPES.get(dtype_str) if type(dtype_str) is str else None
    if known is not None:
        return known
    if type(dtype_str) is not str or len(dtype_str) > 32:  # "<U123", "|b1": real dtypes are short
        raise CodecError(f"unknown dtype {_short(dtype_str)}")
    try:
        dtype = np.dtype(dtype_str)
    except (TypeError, ValueError, OverflowError, MemoryError):
        raise CodecError(f"unknown dtype {_short(dtype_str)}") from None
    if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise CodecError(f"dtype {_short(dtype_str)} is not allowed")
    if len(_KNOWN_DTYPES) < 64:  # the few a course uses; a message cannot grow the table without bound
        _KNOWN_DTYPES[dtype_str] = dtype
    return dtype


_KNOWN_DTYPES = {}  # dtype text -> the dtype it was checked to be (parsing one costs more than a small array)
