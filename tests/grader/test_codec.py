"""The data-only codec: what a submission's worker may send, and that nothing else gets through."""
import functools
import struct

import numpy as np
import pytest

from grader import codec


@pytest.mark.parametrize("value", [
    None, True, 3, 2**80, -1.5, float("nan"), float("inf"), 1 + 2j, "text", b"\x00bytes",
    np.arange(6.0).reshape(2, 3), np.array([True, False]), np.array(["a", "bc"]), np.float64(2.5),
    np.int32(7), (1, [2.0, {"W1": np.ones((2, 1))}]), {"a": (), 3: []}, np.zeros((0, 4)),
])
def test_plain_values_round_trip(value):
    back = codec.decode(codec.encode(value))
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
    elif isinstance(value, float) and np.isnan(value):
        assert np.isnan(back)
    else:
        assert repr(back) == repr(value)


def test_decoded_arrays_are_writable_copies():
    back = codec.decode(codec.encode(np.ones(3)))
    back[0] = 5.0
    assert back.flags.writeable


def test_objects_are_refused_without_a_worker():
    with pytest.raises(codec.CodecError):
        codec.encode(object())
    with pytest.raises(codec.CodecError):
        codec.encode(np.array([object()]))


def test_a_worker_turns_subclasses_into_plain_types_and_objects_into_handles():
    class Sneaky(float):
        def __eq__(self, other):
            return True

    class Model:
        pass

    class TaggedArray(np.ndarray):
        pass

    made = []

    def make_handle(obj):
        made.append(obj)
        return codec.Handle(len(made), type(obj).__name__, callable(obj))

    back = codec.decode(codec.encode([Sneaky(1.5), np.ones((1, 1)).view(TaggedArray), Model()], make_handle))
    assert type(back[0]) is float and back[0] == 1.5
    assert type(back[1]) is np.ndarray
    assert back[2] == codec.Handle(1, "Model", False)


def _message(header, *buffers):
    import json
    data = json.dumps(header).encode()
    return struct.pack("<I", len(data)) + data + b"".join(buffers)


@pytest.mark.parametrize("bad", [
    b"",
    b"\x05\x00\x00\x00{}",
    _message({"tree": {"array": 0}, "arrays": [["|O", [1]]]}, b"\x00" * 8),
    _message({"tree": {"array": 0}, "arrays": [["<f8", [4]]]}, b"\x00" * 8),
    _message({"tree": {"array": 3}, "arrays": []}),
    _message({"tree": {"pickle": "gASV"}, "arrays": []}),
    _message({"tree": {"dict": [[{"list": []}, 1]]}, "arrays": []}),
    _message({"tree": None, "arrays": []}, b"extra"),
])
def test_malformed_messages_are_rejected(bad):
    with pytest.raises(codec.CodecError):
        codec.decode(bad)


# ----------------------------------------------------------------------------- hostile messages
# A worker runs the submission's code, so it can write any bytes as its answer: decode must turn each
# of them into a CodecError, fast and without building anything large first.
def _raw(header_text, *buffers):
    data = header_text.encode() if isinstance(header_text, str) else header_text
    return struct.pack("<I", len(data)) + data + b"".join(buffers)


def _tree(tree, arrays=(), *buffers):
    return _message({"tree": tree, "arrays": list(arrays)}, *buffers)


def _deep(opening, closing, levels):
    return _raw('{"tree":' + opening * levels + "null" + closing * levels + ',"arrays":[]}')


HOSTILE = {
    # the header itself
    "header length over the cap, nothing after it": lambda: struct.pack("<I", 100 * 2**20) + b"{",
    "header length over the cap, all of it sent": lambda: _raw(b" " * (codec.MAX_HEADER_BYTES + 1)),
    "header longer than the message": lambda: struct.pack("<I", 1000) + b'{"tree":null,"arrays":[]}',
    "header is a list": lambda: _raw("[1, 2]"),
    "header without arrays": lambda: _raw('{"tree": null}'),
    "header in UTF-16": lambda: _raw('{"tree":null,"arrays":[]}'.encode("utf-16")),
    "header not UTF-8": lambda: _raw(b'{"tree":"\xff","arrays":[]}'),
    "header of 1 MB of numbers": lambda: _raw("[" + "1," * 500_000 + "1]"),
    # nesting that would make json.loads recurse
    "100k [": lambda: _raw("[" * 100_000),
    "100k [ closed": lambda: _deep("[", "]", 100_000),
    "100k {": lambda: _deep('{"a":', "}", 100_000),
    "100k [[] steps": lambda: _raw('{"tree":' + "[[]," * 100_000),
    # a count of brackets that ignored strings (or their escapes) would end this one far below zero
    "nesting after a string of closing brackets and escapes":
        lambda: _raw('{"tree":["' + ']\\"' * 100_000 + '\\\\",' + "[" * 50_000),
    # U+2200 is the bytes 00 22 in UTF-16-LE: 11 quotes for a scan of bytes, and the brackets after them
    "nesting in UTF-16 behind quote bytes": lambda: _raw(("\u2200" * 11 + "[" * 50_000).encode("utf-16-le")),
    "tree nested deeper than MAX_DEPTH": lambda: _tree(
        functools.reduce(lambda tree, _: {"list": [tree]}, range(codec.MAX_DEPTH + 2), None)),
    # numbers
    "int of 10,000 digits": lambda: _tree({"int": "9" * 10_000}),
    "int of 1,000,000 digits": lambda: _tree({"int": "9" * 1_000_000}),
    "int that is not a number": lambda: _tree({"int": "nine"}),
    "int given as a JSON number": lambda: _tree({"int": 9}),
    "JSON number of 5,000 digits": lambda: _raw('{"tree":null,"arrays":[["<f8",[' + "9" * 5000 + "]]]}"),
    "float too large": lambda: _tree({"float": "0x1p99999"}),
    "float that is not hex": lambda: _tree({"float": "one"}),
    "complex of three parts": lambda: _tree({"complex": ["0x0p+0", "0x0p+0", "0x0p+0"]}),
    "complex of numbers": lambda: _tree({"complex": [1, 2]}),
    # containers and handles
    "dict pair of three": lambda: _tree({"dict": [[None, None, None]]}),
    "dict pair not a list": lambda: _tree({"dict": [None]}),
    "object with a text id": lambda: _tree({"object": ["1", "Model", False, ""]}),
    "object with an infinite id": lambda: _raw('{"tree":{"object":[Infinity,"M",false,""]},"arrays":[]}'),
    "object with three fields": lambda: _tree({"object": [1, "Model", False]}),
    "handle in the grading process": lambda: _tree({"handle": 1}),
    "huge unknown tag": lambda: _tree({"x" * 1_000_000: None}),
    # arrays
    "more arrays than MAX_ARRAYS": lambda: _tree(None, [["|b1", [0]]] * (codec.MAX_ARRAYS + 1)),
    "shape whose product overflows int64": lambda: _tree({"array": 0}, [["<f8", [2**62, 2**62, 2**62]]]),
    "dimension above intp": lambda: _tree({"array": 0}, [["<f8", [0, 2**70]]]),
    "negative dimension": lambda: _tree({"array": 0}, [["<f8", [-1, -8]]], b"\x00" * 64),
    "dimension given as a float": lambda: _tree({"array": 0}, [["<f8", [1.0]]], b"\x00" * 8),
    "dimension given as a bool": lambda: _tree({"array": 0}, [["<f8", [True]]], b"\x00" * 8),
    "100,000 dimensions": lambda: _tree({"array": 0}, [["<f8", [1] * 100_000]], b"\x00" * 8),
    "shape larger than the data": lambda: _tree({"array": 0}, [["<f8", [1000, 1000]]], b"\x00" * 800),
    "itemsize 0 and a huge shape": lambda: _tree({"array": 0}, [["|S0", [10**18]]]),
    "dtype of absurd itemsize": lambda: _tree({"array": 0}, [["<U99999999999999", [1]]], b"\x00" * 8),
    "dtype string of 1 MB": lambda: _tree({"array": 0}, [["<" + "f" * 1_000_000, [1]]], b"\x00" * 8),
    "dtype given as a number": lambda: _tree({"array": 0}, [[8, [1]]], b"\x00" * 8),
    "structured dtype": lambda: _tree({"array": 0}, [["V16", [1]]], b"\x00" * 16),
    "array spec of one item": lambda: _tree({"array": 0}, [["<f8"]], b"\x00" * 8),
    "one buffer copied 100,000 times as bytes": lambda: _tree({"list": [{"bytes": 0}] * 100_000},
                                                              [["|u1", [1_000_000]]], b"\x00" * 1_000_000),
    "one array used twice": lambda: _tree({"list": [{"array": 0}, {"array": 0}]}, [["<f8", [1]]], b"\x00" * 8),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_messages_fail_fast_with_a_codec_error_and_little_memory(name):
    import time
    import tracemalloc

    data = HOSTILE[name]()
    start = time.perf_counter()
    with pytest.raises(codec.CodecError):
        codec.decode(data)
    elapsed = time.perf_counter() - start
    tracemalloc.start()  # a second time: tracing every allocation slows parsing down a lot
    try:
        with pytest.raises(codec.CodecError):
            codec.decode(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 0.25, f"{elapsed:.2f} s"
    assert peak < 16 * 2**20 + 8 * len(data), f"{peak / 2**20:.0f} MB for a message of {len(data) / 2**20:.1f} MB"


def test_codec_errors_do_not_carry_megabytes_of_the_message():
    for name in ("huge unknown tag", "dtype string of 1 MB"):
        with pytest.raises(codec.CodecError) as caught:
            codec.decode(HOSTILE[name]())
        assert len(str(caught.value)) < 200


def test_encode_refuses_what_decode_would_refuse_for_its_size():
    # So that a worker reports it as a value the grader cannot read, saying why.
    with pytest.raises(codec.CodecError, match="MB to send"):
        codec.encode(["x" * 1000] * (codec.MAX_HEADER_BYTES // 1000))
    with pytest.raises(codec.CodecError, match="numpy arrays"):
        codec.encode([np.float64(1.0)] * (codec.MAX_ARRAYS + 1))
    assert codec.decode(codec.encode([np.float64(1.0)] * codec.MAX_ARRAYS))[-1] == 1.0


def test_the_largest_header_is_accepted():
    filler = "x" * (codec.MAX_HEADER_BYTES - 100)
    data = codec.encode(filler)
    assert len(data) - 4 <= codec.MAX_HEADER_BYTES and codec.decode(data) == filler


def _nested(levels, leaf):
    value = leaf
    for i in range(levels):
        value = {(i, "k"): [value]} if i % 2 else {"k": (value, 1)}
    return value


@pytest.mark.parametrize("value", [
    _nested(codec.MAX_DEPTH // 2, 1 + 2j),  # every level a dict and a list: as deep as encode allows
    {"[" * 1000: ["]" * 1000, '\\"[[' * 300, "\\" * 301, "{" * 500]},  # brackets and escapes in strings
    ["[" * 400, {"a": 1}, "]" * 400],
    [np.ones((i % 3 + 1, 2)) for i in range(1000)] + ["\ud800", "\x00\x1b[2J"],
])
def test_valid_values_near_the_limits_still_round_trip(value):
    data = codec.encode(value)
    assert codec.encode(codec.decode(data)) == data


def test_a_value_at_the_deepest_allowed_level_round_trips():
    value = 1 + 2j
    for _ in range(codec.MAX_DEPTH):
        value = {"k": value}
    assert codec.decode(codec.encode(value)) == value
    with pytest.raises(codec.CodecError):
        codec.encode({"k": value})


def test_requests_are_read_only_by_a_worker_with_its_references_resolved_there():
    # The grading process pickles what it sends (it runs no code of the worker's); the worker reads
    # each reference (an object it holds, a function, a call to make) through its own resolve.
    class Ref:
        pass

    ref = Ref()
    fortran = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    request = {"op": "call", "args": [ref, (np.float64(1.5), fortran[:, ::2], b"x")], "kwargs": {"k": [ref]}}
    message, kinds = codec.encode_request(request, lambda v: ("handle", 7) if v is ref else None)
    assert kinds == {"handle"}
    made = []
    back = codec.decode_request(message, lambda kind, *args: made.append((kind, *args)) or "live")
    assert made == [("handle", 7)]  # the same object twice in a request: one reference, resolved once
    assert back["args"][0] == "live" and back["kwargs"] == {"k": ["live"]}
    scalar, array, raw = back["args"][1]
    assert type(scalar) is np.float64 and raw == b"x"
    assert array.flags.c_contiguous and array.flags.writeable and np.array_equal(array, fortran[:, ::2])
    with pytest.raises(codec.CodecError):
        codec.decode(message)  # never unpickled by the grading process's decoder
    plain, kinds = codec.encode_request({"x": np.ones(2)}, lambda v: None)
    assert kinds == set() and codec.encode_request({"x": np.ones(2)}, lambda v: None)[0] == plain