"""Tests of ``datasets/convert.py``: a folder of images -> the course's HDF5 layout (not graded).

Each test draws its own tiny folder of images with Pillow: cats are reddish, dogs bluish, so a
label can be checked against the pixels it was given to. The command-line cases run the real CLI in
a subprocess and check the exit status and the single line on stderr.
"""
import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PIL")
h5py = pytest.importorskip("h5py")
from PIL import Image  # noqa: E402

import datasets  # noqa: E402
from datasets import convert as cv  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
COLORS = {"cat": (210, 60, 40), "dog": (40, 70, 210)}
N_PER_CLASS = 6


def draw(path, cls, i):
    """A small, non-square, noisy image of the class colour (PNG or JPEG by extension)."""
    rng = np.random.default_rng(i)
    h, w = 20 + 3 * i, 30 - 2 * i
    pixels = np.clip(np.array(COLORS[cls]) + rng.integers(-25, 25, (h, w, 3)), 0, 255).astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(path)


def make_folders(root, corrupt=True):
    """``root/cat/0.png, 1.jpg, ...``, ``root/dog/...`` and, with ``corrupt``, ``root/cat/broken.jpg``."""
    for cls in COLORS:
        for i in range(N_PER_CLASS):
            draw(root / cls / f"{i}.{'png' if i % 2 else 'jpg'}", cls, i)
    if corrupt:
        (root / "cat" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not a JPEG")
    (root / "cat" / "notes.txt").write_text("not an image, ignored")
    return root


def make_prefixed(root):
    """Kaggle style, ``root/cat.0.jpg``, ``root/dog.3.png``, ..., and a corrupt ``root/dog.99.jpg``."""
    for cls in COLORS:
        for i in range(N_PER_CLASS):
            draw(root / f"{cls}.{i}.{'png' if i % 2 else 'jpg'}", cls, i)
    (root / "dog.99.jpg").write_bytes(b"")
    return root


def read(path):
    with h5py.File(path, "r") as f:
        return {key: f[key][()] for key in f}


def assert_labels_match_colours(data, classes):
    """Every image's label names the class whose colour it was drawn in."""
    for part in ("train", "test"):
        x, y = data[f"{part}_x"].astype(np.float64), data[f"{part}_y"]
        reddish = x[..., 0].mean(axis=(1, 2)) > x[..., 2].mean(axis=(1, 2))
        names = [classes[label] for label in y]
        assert [("cat" if r else "dog") for r in reddish] == names, f"{part}: labels do not match the pixels"


def run_cli(*args):
    """Run ``python -m datasets.convert ARGS`` from the repository root."""
    return subprocess.run([sys.executable, "-m", "datasets.convert", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


# ---------------------------------------------------------------------------------------------- layout

def test_folder_labels_give_the_course_layout(tmp_path):
    source = make_folders(tmp_path / "pets")
    summary = cv.convert(source, tmp_path / "pets.h5", size=16, progress=False)
    data = read(tmp_path / "pets.h5")
    assert set(data) == {"train_x", "train_y", "test_x", "test_y", "classes"}
    assert data["train_x"].dtype == np.uint8 and data["test_x"].dtype == np.uint8
    assert data["train_y"].dtype == np.int64 and data["test_y"].dtype == np.int64
    assert data["train_x"].shape == (10, 16, 16, 3) and data["test_x"].shape == (2, 16, 16, 3)
    assert data["train_y"].shape == (10,) and data["test_y"].shape == (2,)
    assert list(data["classes"]) == [b"cat", b"dog"]
    assert_labels_match_colours(data, ["cat", "dog"])
    assert summary["label_mode"] == "folders" and summary["classes"] == ["cat", "dog"]
    assert summary["counts"] == {"cat": 6, "dog": 6}
    assert summary["skipped"] == ["cat/broken.jpg"]
    assert summary["bytes"] == (tmp_path / "pets.h5").stat().st_size


def test_prefix_labels_as_in_kaggle_dogs_vs_cats(tmp_path):
    source = make_prefixed(tmp_path / "train")
    summary = cv.convert(source, tmp_path / "out.h5", size=8, progress=False)
    data = read(tmp_path / "out.h5")
    assert summary["label_mode"] == "prefix"
    assert list(data["classes"]) == [b"cat", b"dog"]
    assert data["train_x"].shape[1:] == (8, 8, 3)
    assert_labels_match_colours(data, ["cat", "dog"])
    assert summary["skipped"] == ["dog.99.jpg"]


def test_train_and_test_sub_folders_are_pooled(tmp_path):
    for cls in COLORS:
        for i in range(4):
            draw(tmp_path / "src" / ("train" if i < 3 else "test") / cls / f"{i}.png", cls, i)
    summary = cv.convert(tmp_path / "src", tmp_path / "out.h5", size=8, progress=False)
    assert summary["label_mode"] == "folders" and summary["counts"] == {"cat": 4, "dog": 4}


def test_explicit_label_mode_and_class_order(tmp_path):
    source = make_prefixed(tmp_path / "train")
    draw(source / "bird.0.png", "cat", 0)                      # a third class, left out by --classes
    summary = cv.convert(source, tmp_path / "out.h5", size=8, labels="prefix", classes="dog,cat",
                         progress=False)
    data = read(tmp_path / "out.h5")
    assert list(data["classes"]) == [b"dog", b"cat"]           # label = position in --classes
    assert_labels_match_colours(data, ["dog", "cat"])
    assert summary["ignored"] == 1


def test_grayscale_has_one_channel(tmp_path):
    cv.convert(make_folders(tmp_path / "pets"), tmp_path / "out.h5", size=12, grayscale=True, progress=False)
    data = read(tmp_path / "out.h5")
    assert data["train_x"].shape[1:] == (12, 12, 1) and data["test_x"].shape[1:] == (12, 12, 1)


def test_datasets_load_reads_the_output(tmp_path, monkeypatch):
    cv.convert(make_folders(tmp_path / "pets"), tmp_path / "mine.h5", size=8, progress=False)
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)       # load() looks for <name>.h5 there
    data = datasets.load("mine")
    assert data["train_x"].shape == (10, 8, 8, 3) and list(data["classes"]) == [b"cat", b"dog"]


# ---------------------------------------------------------------------------------------------- split

@pytest.mark.parametrize("fraction, per_class_test", [(1 / 3, 2), (0.5, 3), (0.2, 1)])
def test_split_is_stratified(tmp_path, fraction, per_class_test):
    summary = cv.convert(make_folders(tmp_path / "pets"), tmp_path / "out.h5", size=8,
                         test_fraction=fraction, progress=False)
    data = read(tmp_path / "out.h5")
    assert np.bincount(data["test_y"]).tolist() == [per_class_test, per_class_test]
    assert np.bincount(data["train_y"]).tolist() == [6 - per_class_test, 6 - per_class_test]
    assert summary["test_counts"] == {"cat": per_class_test, "dog": per_class_test}
    assert summary["n_test"] == 2 * per_class_test and summary["n_train"] == 12 - 2 * per_class_test


def test_same_seed_gives_the_same_file_and_another_seed_another_split(tmp_path):
    source = make_folders(tmp_path / "pets")
    paths = [tmp_path / name for name in ("a.h5", "b.h5", "c.h5")]
    for path, seed in zip(paths, (0, 0, 1)):
        cv.convert(source, path, size=8, seed=seed, progress=False)
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    assert digest[0] == digest[1]
    a, c = read(paths[0]), read(paths[2])
    assert not np.array_equal(a["train_x"], c["train_x"])
    # The same images either way, only split and ordered differently.
    pool = lambda d: sorted(x.tobytes() for x in np.concatenate([d["train_x"], d["test_x"]]))  # noqa: E731
    assert pool(a) == pool(c)


def test_permute_rows_in_place_equals_fancy_indexing():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 256, (50, 3, 2, 1), dtype=np.uint8)
    order = rng.permutation(50)
    expected = X[order]
    cv._permute_rows(X, order)
    assert np.array_equal(X, expected)


@pytest.mark.parametrize("name, label", [("cat.1.jpg", "cat"), ("dog.1234.jpg", "dog"), ("cat_01.png", "cat"),
                                         ("golden-retriever-7.jpg", "golden-retriever"), ("1.jpg", None)])
def test_prefix_label(name, label):
    assert cv.prefix_label(Path(name)) == label


# ---------------------------------------------------------------------------------------------- progress

class FakeTerminal:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_progress_bar_on_a_terminal_redraws_one_line():
    stream = FakeTerminal()
    bar = cv.Progress(1000, stream=stream, width=10)
    for done in range(1, 1001):
        bar.update(done)
    bar.close()
    assert stream.text.startswith("\rreading images [")
    assert stream.text.count("\r") <= 3                       # at most ~10 redraws a second
    assert stream.text.endswith("\rreading images [##########] 1000/1000\n")


def test_progress_without_a_terminal_writes_a_few_lines(tmp_path):
    with open(tmp_path / "log.txt", "w+") as stream:
        bar = cv.Progress(10, stream=stream)
        for done in range(1, 11):
            bar.update(done)
        bar.close()
        stream.seek(0)
        lines = stream.read().splitlines()
    assert lines[-1] == "reading images: 10/10" and 2 <= len(lines) <= 5 and "\r" not in "".join(lines)


# ---------------------------------------------------------------------------------------------- command line

def test_cli_prints_a_summary(tmp_path):
    out = run_cli(make_folders(tmp_path / "pets"), tmp_path / "out.h5", "--size", "8")
    assert out.returncode == 0, out.stderr
    assert "cat" in out.stdout and "dog" in out.stdout and "total" in out.stdout
    assert f"wrote {tmp_path / 'out.h5'}" in out.stdout
    assert "skipped 1 unreadable image: cat/broken.jpg" in out.stdout
    assert "reading images: 13/13" in out.stderr               # not a terminal: plain lines


NO_PILLOW = ("import sys; sys.modules['PIL'] = None; "   # makes `import PIL` fail
             "from datasets.convert import main; sys.exit(main(sys.argv[1:]))")


def bad_inputs(root):
    """``{case: (CLI arguments, python code or None, words the one-line message must contain)}``."""
    (root / "empty").mkdir()
    (root / "empty" / "readme.txt").write_text("no images here")
    for i in range(3):
        draw(root / "one" / "cat" / f"{i}.png", "cat", i)
    pets = make_folders(root / "pets", corrupt=False)
    out = root / "o.h5"
    return {
        "missing folder": ([root / "nope", out], None, "no such folder"),
        "empty folder": ([root / "empty", out], None, "no images"),
        "one class": ([root / "one", out], None, "only one class (cat"),
        "output folder missing": ([pets, root / "no" / "o.h5"], None, "folder of the output file does not exist"),
        "unknown class": ([pets, out, "--classes", "cat,bird"], None, "no images of class bird"),
        "Pillow missing": ([pets, out], NO_PILLOW, 'pip install -e ".[images]"'),
    }


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory):
    """Every bad-input case run at once, each in its own CLI process: ``{case: (returncode, stderr, words)}``."""
    root = tmp_path_factory.mktemp("bad")
    cases = bad_inputs(root)
    running = {}
    for case, (args, code, _) in cases.items():
        command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "datasets.convert"]
        running[case] = subprocess.Popen([*command, *map(str, args)], cwd=REPO, text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    results = {}
    for case, process in running.items():
        _, stderr = process.communicate(timeout=60)
        results[case] = (process.returncode, stderr, cases[case][2])
    assert not (root / "o.h5").exists(), "a failed conversion left an output file behind"
    return results


@pytest.mark.parametrize("case", ["missing folder", "empty folder", "one class", "output folder missing",
                                  "unknown class", "Pillow missing"])
def test_cli_bad_input_is_one_line_and_exit_2(bad_runs, case):
    returncode, stderr, words = bad_runs[case]
    assert returncode == 2, stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert stderr.startswith("datasets.convert: error: ") and words in stderr, stderr
