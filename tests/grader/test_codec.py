"""The data-only codec: what a submission's worker may send, and that nothing else gets through."""
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
