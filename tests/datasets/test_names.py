"""Checks of week 9's first names (datasets/names.txt) and their loader, ``datasets.names``."""

import hashlib
import re
from pathlib import Path

import pytest

import datasets

REPO = Path(__file__).resolve().parents[2]
NAMES_FILE = REPO / "datasets" / "names.txt"


def readme_row():
    """``(bytes, sha256)`` of names.txt from the checksum table of datasets/README.md."""
    text = (REPO / "datasets" / "README.md").read_text(encoding="utf-8")
    row = re.search(r"^\|\s*`names\.txt`\s*\|\s*(\d+)\s*\|\s*`([0-9a-f]{64})`\s*\|", text, flags=re.M)
    assert row, "datasets/README.md has no checksum row for names.txt"
    return int(row.group(1)), row.group(2)


def test_sha256_and_size_match_readme():
    size, digest = readme_row()
    data = NAMES_FILE.read_bytes()
    assert len(data) == size, f"names.txt has {len(data)} bytes, datasets/README.md says {size}"
    assert hashlib.sha256(data).hexdigest() == digest, "names.txt differs from the SHA-256 in datasets/README.md"


def test_file_is_sorted_distinct_lower_case_names():
    data = NAMES_FILE.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    lines = data.decode("ascii").split("\n")[:-1]
    assert len(lines) == 5163
    assert all(re.fullmatch(r"[a-z]+", line) for line in lines), "a line that is not a lower-case a-z name"
    assert lines == sorted(set(lines)), "names.txt must be sorted and without duplicates"


def test_split_sizes_and_all_is_the_file():
    train, held_out, every_name = (datasets.names(split) for split in ("train", "held_out", "all"))
    assert (len(train), len(held_out)) == (4647, 516)  # round(0.1 * 5163) held out
    assert every_name == NAMES_FILE.read_text(encoding="ascii").split()
    assert datasets.names() == train  # the default is the training part


def test_split_is_disjoint_and_covers_every_name():
    train, held_out = datasets.names("train"), datasets.names("held_out")
    assert not set(train) & set(held_out)
    assert sorted(train + held_out) == datasets.names("all")
    assert train == sorted(train) and held_out == sorted(held_out)  # the file's order


def test_split_is_deterministic_and_pinned():
    # The course reports held-out cross-entropies on this exact split: changing it must be deliberate.
    held_out = datasets.names("held_out")
    assert held_out == datasets.names("held_out")
    assert held_out[:5] == ["adelle", "agustin", "ai", "al", "alecia"]
    assert datasets.names("held_out", seed=1) != held_out


def test_names_use_only_a_to_z():
    for split in ("train", "held_out"):
        assert set("".join(datasets.names(split))) <= set("abcdefghijklmnopqrstuvwxyz")


def test_a_file_of_ones_own(tmp_path):
    path = tmp_path / "pets.txt"
    path.write_text("rex\n\n  fido \nlassie\nbello\n", encoding="utf-8")
    assert datasets.names("all", path=path) == ["rex", "fido", "lassie", "bello"]
    train, held_out = datasets.names("train", path=path), datasets.names("held_out", path=path)
    assert len(held_out) == 1 and len(train) == 3  # at least one name in each part
    assert sorted(train + held_out) == sorted(["rex", "fido", "lassie", "bello"])


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        datasets.names(path=tmp_path / "missing.txt")
    assert "missing.txt" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("bad", [{"split": "test"}, {"held_out_fraction": 1.5}])
def test_bad_arguments_raise_value_error(bad):
    with pytest.raises(ValueError) as info:
        datasets.names(**bad)
    assert "\n" not in str(info.value)
