"""Plain data that may cross from a submission to the grader, and its encoding.

The grading process never unpickles anything a submission produced. Values travel as a JSON tree
plus raw array buffers, and decoding rebuilds them from scratch, checking every tag, dtype and size.
Only these types exist on the grading side: ``None``, ``bool``, ``int``, ``float``, ``complex``,
``str``, ``bytes``, numpy arrays and scalars of numeric, boolean or string dtype, and ``tuple``,
``list`` and ``dict`` of those. Anything else a submission returns stays in its worker process and is
represented here by a :class:`Handle`.

The same tree (JSON + arrays) is what fixture files store in HDF5, so fixtures and the sandbox share
one notion of "a value".
"""
import math
import struct
from json import dumps as json_dumps, loads as json_loads
from dataclasses import dataclass

import numpy as np

# This module runs inside the worker too, where a submission may replace builtins (``isinstance``
# that always says True, ...). Module-level names shadow builtins, so it keeps using the originals.
from builtins import isinstance, len, str, type  # noqa: E402,A004

MAX_DEPTH = 64
ALLOWED_DTYPE_KINDS = "biufcSU"  # bool, int, uint, float, complex, bytes, str: never objects


class CodecError(ValueError):
    """A value that cannot be represented as plain data, or bytes that are not a valid encoding."""


@dataclass(frozen=True)
class Handle:
    """Reference to an object that lives in a worker process (a class instance, a method, ...)."""

    id: int
    type_name: str
    callable: bool
    text: str = ""


@dataclass(frozen=True)
class FunctionRef:
    """Reference to a submission's function, sent to the worker to be used as a callable argument;
    ``kwargs`` (plain data) are bound to it there, like ``functools.partial``."""

    module: str
    name: str
    kwargs: tuple = ()  # ((name, value), ...)


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
    if t is Handle:
        return {"handle": value.id}
    if t is FunctionRef:
        return {"function": [value.module, value.name,
                             to_tree(dict(value.kwargs), arrays, make_handle, depth + 1)]}
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
def from_tree(tree, arrays, resolve=None, depth=0):
    """Rebuild a value from :func:`to_tree`'s output, validating every node.

    ``resolve(node)`` turns ``{"handle": id}``/``{"function": [...]}`` nodes into live objects in a
    worker; in the grading process it is None and ``{"object": ...}`` nodes become :class:`Handle`.
    """
    if depth > MAX_DEPTH:
        raise CodecError("value is nested too deeply")
    if tree is None or type(tree) in (bool, str):
        return tree
    if type(tree) is not dict or len(tree) != 1:
        raise CodecError("malformed value")
    (tag, body), = tree.items()
    if tag == "int":
        return int(_expect(body, str))
    if tag == "float":
        return float.fromhex(_expect(body, str))
    if tag == "complex":
        re, im = _expect(body, list)
        return complex(float.fromhex(re), float.fromhex(im))
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
        return tuple(from_tree(v, arrays, resolve, depth + 1) for v in _expect(body, list))
    if tag == "list":
        return [from_tree(v, arrays, resolve, depth + 1) for v in _expect(body, list)]
    if tag == "dict":
        out = {}
        for pair in _expect(body, list):
            k, v = _expect(pair, list)
            key = from_tree(k, arrays, resolve, depth + 1)
            try:
                out[key] = from_tree(v, arrays, resolve, depth + 1)
            except TypeError as exc:  # an unhashable key
                raise CodecError(f"malformed dict key: {exc}") from None
        return out
    if tag == "object":
        hid, type_name, is_callable, text = _expect(body, list)
        return Handle(int(hid), str(type_name), bool(is_callable), str(text))
    if tag == "handle" and resolve is not None:
        return resolve(tree)
    if tag == "function" and resolve is not None:
        module, name, kwargs = _expect(body, list)
        return resolve({"function": [module, name, from_tree(kwargs, arrays, resolve, depth + 1)]})
    raise CodecError(f"unknown value tag {tag!r}")


def _expect(value, kind):
    if type(value) is not kind:
        raise CodecError("malformed value")
    return value


def _array(arrays, index):
    if type(index) is not int or not 0 <= index < len(arrays):
        raise CodecError("malformed array reference")
    return arrays[index]


# ------------------------------------------------------------------------------- tree <-> bytes
# Message layout: 4-byte header length, JSON header {"tree", "arrays": [[dtype, shape], ...]}, then
# each array's raw bytes in order.
def encode(value, make_handle=None):
    arrays = []
    tree = to_tree(value, arrays, make_handle)
    specs = [[a.dtype.str, list(a.shape)] for a in arrays]
    header = json_dumps({"tree": tree, "arrays": specs}, separators=(",", ":")).encode()
    return b"".join([struct.pack("<I", len(header)), header] + [a.tobytes() for a in arrays])


def decode(data, resolve=None):
    view = memoryview(data)
    if len(view) < 4:
        raise CodecError("truncated message")
    (n,) = struct.unpack("<I", view[:4])
    try:
        header = json_loads(bytes(view[4:4 + n]))
        tree, specs = header["tree"], header["arrays"]
    except (ValueError, KeyError, TypeError):
        raise CodecError("malformed message header") from None
    offset, arrays = 4 + n, []
    for spec in _expect(specs, list):
        dtype_str, shape = _expect(spec, list)
        dtype = _safe_dtype(dtype_str)
        shape = tuple(int(_expect(d, int)) for d in _expect(shape, list))
        if any(d < 0 for d in shape):
            raise CodecError("malformed array shape")
        size = dtype.itemsize * math.prod(shape)
        if offset + size > len(view):
            raise CodecError("truncated array data")
        arrays.append(np.frombuffer(view[offset:offset + size], dtype=dtype).reshape(shape).copy())
        offset += size
    if offset != len(view):
        raise CodecError("trailing bytes after the last array")
    return from_tree(tree, arrays, resolve)


def _safe_dtype(dtype_str):
    try:
        dtype = np.dtype(_expect(dtype_str, str))
    except TypeError:
        raise CodecError(f"unknown dtype {dtype_str!r}") from None
    if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise CodecError(f"dtype {dtype} is not allowed")
    return dtype
