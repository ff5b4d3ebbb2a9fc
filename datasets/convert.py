"""Convert a folder of labelled images into the course's HDF5 image layout.

Run from the repository root (Pillow is needed: ``pip install -e ".[images]"``)::

    python -m datasets.convert ~/Downloads/train cats_vs_dogs.h5 --size 64
    python -m datasets.convert my_photos my_photos.h5 --labels folders --grayscale

and load the result like the committed files (``datasets.load`` only reads ``datasets/``, so either
write the file there and load it by name, or open it with h5py)::

    import h5py
    with h5py.File("cats_vs_dogs.h5", "r") as f:
        data = {key: f[key][()] for key in f}   # train_x (m, 64, 64, 3) uint8, train_y (m,) int64, ...

Labels
    ``folders``: the name of the folder an image sits in (``SOURCE/cat/1.jpg``; also
    ``SOURCE/train/cat/1.jpg`` and ``SOURCE/test/cat/9.jpg``, which are pooled and split again).
    ``prefix``: the start of the file name, up to the first dot, without trailing digits and
    ``_``/``-`` (``cat.1.jpg``, ``dog.1234.jpg`` as in Kaggle's dogs-vs-cats ``train.zip``; ``cat_01.png``).
    ``auto`` takes ``folders`` when every image sits in a sub-folder and there are at least two of
    them (not only ``train``/``test``-like names), else ``prefix``. Class names are sorted; ``--classes
    cat,dog`` picks the classes and their order (label = position) and ignores every other image.
Images
    Each image is turned upright (EXIF orientation), transparent pixels are put on white, it is
    converted to RGB (or grey with ``--grayscale``), **centre-cropped to the largest square** and
    resized to ``size x size`` with a Lanczos filter (sharp, and anti-aliased when shrinking).
    Cropping keeps the proportions of the subject; the edges of wide or tall images are lost.
    JPEGs are decoded at a reduced scale first (still at least ``size`` pixels), which is much faster
    and keeps only small images in memory. Unreadable files are skipped and listed at the end.
Split
    Stratified: every class keeps its share in the test set (``build.stratified_split``), with
    ``numpy.random.default_rng(seed)``; both parts are shuffled. The same folder, options and seed
    give a byte-identical file.
Memory
    One ``(m, size, size, c)`` uint8 array, filled image by image: 25,000 images at 64x64 RGB take
    about 310 MB. The split reorders it in place, so there is no second copy.
"""

import argparse
import os
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from .build import stratified_split, write_image_set

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm")
SPLIT_NAMES = {"train", "training", "test", "test1", "testing", "val", "valid", "validation"}
LABEL_MODES = ("auto", "folders", "prefix")
PILLOW_HINT = 'pip install -e ".[images]"'
EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130


class ConvertError(Exception):
    """Bad input (missing folder, no images, one class, ...); the message is one readable line."""


def _require_pillow():
    """``(PIL.Image, PIL.ImageOps)``, or an ImportError that says how to install Pillow."""
    try:
        from PIL import Image, ImageOps
    except ImportError:
        raise ImportError(f"Pillow is needed to read images; install it with: {PILLOW_HINT}") from None
    return Image, ImageOps


# ---------------------------------------------------------------------------------------------- finding

def _some(items, k=5):
    """``"a, b, c"`` or ``"a, b, c, d, e, ... (12 in all)"``."""
    items = list(items)
    shown = ", ".join(str(i) for i in items[:k])
    return shown if len(items) <= k else f"{shown}, ... ({len(items)} in all)"


def list_images(source):
    """Image files under ``source`` (recursively, hidden files and ``__MACOSX`` left out).

    Returns
    -------
    list of Path
        Paths relative to ``source``, sorted, so the order (and hence the split) is reproducible.
    """
    found = []
    for folder, subfolders, files in os.walk(source):
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and d != "__MACOSX"]
        rel = Path(folder).relative_to(source)
        found += [rel / name for name in files
                  if not name.startswith(".") and name.lower().endswith(IMAGE_SUFFIXES)]
    return sorted(found, key=lambda p: p.as_posix())


def folder_label(rel):
    """The class of ``cat/1.jpg`` from its folder: ``"cat"``; ``None`` for an image directly in SOURCE."""
    return rel.parent.name if rel.parent != Path(".") else None


def prefix_label(rel):
    """The class of ``cat.1.jpg`` (or ``cat_01.png``) from its name: ``"cat"``; ``None`` for ``1.jpg``."""
    head = rel.name.split(".", 1)[0]
    return re.sub(r"[\s_\-]*\d*$", "", head) or None


def _guess_mode(folders, prefixes, wanted):
    names = set(folders)
    in_class_folders = None not in names and not names <= SPLIT_NAMES
    if in_class_folders and len(names) >= 2:
        return "folders"
    if None not in prefixes or (wanted and not wanted.isdisjoint(prefixes)):
        return "prefix"
    if in_class_folders:
        return "folders"  # a single class folder: the "only one class" error follows
    raise ConvertError("cannot tell the classes of the images: put each class in its own sub-folder "
                       "(SOURCE/cat/*.jpg, SOURCE/dog/*.jpg) or name the files CLASS.N.jpg (cat.1.jpg), "
                       "or pick the classes with --classes cat,dog")


def label_images(rels, labels="auto", classes=None):
    """Give every image its class.

    Parameters
    ----------
    rels : list of Path
        Image paths relative to SOURCE (``list_images``).
    labels : {"auto", "folders", "prefix"}
        Where the class name comes from (see the module docstring).
    classes : list of str, optional
        The classes to keep, in label order; other images are ignored. Default: every class, sorted.

    Returns
    -------
    kept : list of Path
        The images of the chosen classes, in the order of ``rels``.
    y : ndarray of shape (len(kept),), int64
        Their labels, indices into ``class_names``.
    class_names : list of str
    mode : str
        ``"folders"`` or ``"prefix"``.
    """
    folders = [folder_label(r) for r in rels]
    prefixes = [prefix_label(r) for r in rels]
    wanted = set(classes) if classes else None
    mode = _guess_mode(folders, prefixes, wanted) if labels == "auto" else labels
    found = folders if mode == "folders" else prefixes
    where = "sub-folder names" if mode == "folders" else "file-name prefixes"
    if classes is None:
        unlabelled = [r.as_posix() for r, c in zip(rels, found) if c is None]
        if unlabelled:
            expected = "SOURCE/cat/1.jpg" if mode == "folders" else "cat.1.jpg"
            raise ConvertError(f"no class in the path of {_some(unlabelled, 3)} (labels from {where}, "
                               f"expected e.g. {expected}); use --classes to keep only some classes")
        class_names = sorted(set(found))
    else:
        class_names, present = list(classes), set(found) - {None}
        absent = [c for c in class_names if c not in present]
        if absent:
            present = sorted(present)
            raise ConvertError(f"no images of class {_some(absent)} (labels from {where}; "
                               f"found {_some(present) or 'none'})")
    if len(class_names) < 2:
        raise ConvertError(f"only one class ({class_names[0]}, labels from {where}): a classifier needs "
                           "at least two; give each class its own sub-folder or file-name prefix")
    index = {name: i for i, name in enumerate(class_names)}
    kept = [(r, index[c]) for r, c in zip(rels, found) if c in index]
    return [r for r, _ in kept], np.array([i for _, i in kept], dtype=np.int64), class_names, mode


# ---------------------------------------------------------------------------------------------- reading

def read_image(path, size, grayscale=False):
    """Read one image as a ``size x size`` square (centre crop, then Lanczos resize).

    Returns
    -------
    ndarray of shape (size, size, c), uint8
        c = 3 (RGB), or 1 with ``grayscale``.

    Raises
    ------
    Exception
        Whatever Pillow raises for an unreadable, truncated or corrupt file.
    """
    Image, ImageOps = _require_pillow()
    lanczos = getattr(Image, "Resampling", Image).LANCZOS
    mode = "L" if grayscale else "RGB"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. "Possibly corrupt EXIF data": the pixels are fine
        with Image.open(path) as img:
            img.draft(mode, (size, size))  # JPEG only: decode at 1/2, 1/4 or 1/8 scale, still >= size
            img = ImageOps.exif_transpose(img)
            if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
                img = img.convert("RGBA")
                img = Image.alpha_composite(Image.new("RGBA", img.size, (255, 255, 255, 255)), img)
            img = ImageOps.fit(img.convert(mode), (size, size), method=lanczos, centering=(0.5, 0.5))
            pixels = np.asarray(img, dtype=np.uint8)
    return pixels.reshape(size, size, -1)  # (size, size) grey -> (size, size, 1)


class Progress:
    """``reading images [#######.......] 123/1000`` on stderr, redrawn at most 10 times a second.

    On a terminal the line is redrawn in place; otherwise (a log file, a pipe, a test) a plain line
    is written at 25 %, 50 %, 75 % and 100 %.
    """

    def __init__(self, total, label="reading images", stream=None, width=30, enabled=True):
        self.total, self.label, self.width = total, label, width
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and total > 0
        self.tty = self.enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last_draw, self.next_quarter = 0.0, 1

    def update(self, done):
        if not self.enabled:
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or done == self.total:
                filled = self.width * done // self.total
                bar = "#" * filled + "." * (self.width - filled)
                self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total}")
                self.stream.flush()
                self.last_draw = now
        elif done * 4 >= self.next_quarter * self.total:
            self.stream.write(f"{self.label}: {done}/{self.total}\n")
            self.next_quarter = 4 * done // self.total + 1

    def close(self):
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _permute_rows(X, order):
    """``X[:] = X[order]`` in place, following the permutation's cycles with one spare row.

    ``X[order]`` would make a second copy of the whole image array (hundreds of MB for Kaggle's set).
    """
    done = np.zeros(len(order), dtype=bool)
    for start in range(len(order)):
        if done[start]:
            continue
        spare, i = X[start].copy(), start
        while True:
            done[i] = True
            j = order[i]
            if j == start:
                X[i] = spare
                break
            X[i] = X[j]
            i = j


# ---------------------------------------------------------------------------------------------- converting

def _check_arguments(source, out, size, test_fraction, labels):
    if labels not in LABEL_MODES:
        raise ConvertError(f"--labels must be one of {', '.join(LABEL_MODES)}, not {labels!r}")
    if not isinstance(size, (int, np.integer)) or size < 1:
        raise ConvertError(f"--size must be a positive whole number of pixels, not {size!r}")
    if not 0 < test_fraction < 1:
        raise ConvertError(f"--test-fraction must be between 0 and 1 (exclusive), not {test_fraction}")
    if not source.exists():
        raise ConvertError(f"no such folder: {source}")
    if not source.is_dir():
        raise ConvertError(f"not a folder: {source} (SOURCE is a folder of images)")
    if out.is_dir():
        raise ConvertError(f"the output {out} is a folder; give a file name such as {out / 'images.h5'}")
    if not out.resolve().parent.is_dir():
        raise ConvertError(f"the folder of the output file does not exist: {out.parent}")


def _parse_classes(classes):
    if classes is None:
        return None
    names = [c.strip() for c in classes.split(",")] if isinstance(classes, str) else [str(c) for c in classes]
    names = [c for c in names if c]
    if len(set(names)) != len(names):
        raise ConvertError(f"--classes names a class twice: {', '.join(names)}")
    if len(names) < 2:
        raise ConvertError(f"--classes needs at least two class names, separated by commas, not {classes!r}")
    return names


def _ascii(text):
    return str(text).encode("ascii", "replace").decode("ascii")


def convert(source, out, size=64, test_fraction=0.2, seed=0, labels="auto", classes=None,
            grayscale=False, progress=True):
    """Convert a folder of labelled images into an HDF5 file in the course's image layout.

    Parameters
    ----------
    source : str or Path
        Folder of images (see the module docstring for how classes are found).
    out : str or Path
        The ``.h5`` file to write (overwritten); its folder must exist.
    size : int, default 64
        Side of the square images, in pixels.
    test_fraction : float, default 0.2
        Share of the images that go to the test set, ``0 < test_fraction < 1``.
    seed : int, default 0
        Seed of the stratified split.
    labels : {"auto", "folders", "prefix"}, default "auto"
    classes : str or list of str, optional
        ``"cat,dog"`` or ``["cat", "dog"]``: the classes to keep and their order (label = index).
    grayscale : bool, default False
        One grey channel instead of RGB.
    progress : bool, default True
        Show a progress bar on stderr.

    Returns
    -------
    dict
        ``out`` (str), ``classes`` (list of str, index = label), ``label_mode`` ("folders"/"prefix"),
        ``counts``, ``train_counts``, ``test_counts`` (dicts class -> number of images),
        ``n_train``, ``n_test``, ``image_shape`` ((size, size, c)), ``skipped`` (paths, relative to
        ``source``, of the unreadable images), ``ignored`` (images of other classes), ``bytes``
        (file size). The file holds ``train_x (n_train, size, size, c) uint8``, ``train_y (n_train,)
        int64``, ``test_x``, ``test_y`` and ``classes`` (UTF-8 bytes).

    Raises
    ------
    ConvertError
        Bad input: missing or empty folder, fewer than two classes, bad options, unwritable output.
    ImportError
        Pillow is not installed.
    """
    _require_pillow()
    source, out = Path(source).expanduser(), Path(out).expanduser()
    _check_arguments(source, out, size, test_fraction, labels)
    wanted = _parse_classes(classes)
    rels = list_images(source)
    if not rels:
        raise ConvertError(f"no images ({', '.join(IMAGE_SUFFIXES)}) found in {source}")
    kept, labels_all, class_names, mode = label_images(rels, labels, wanted)

    m, channels = len(kept), 1 if grayscale else 3
    X = np.empty((m, size, size, channels), dtype=np.uint8)  # filled row by row; the only big array
    y = np.empty(m, dtype=np.int64)
    skipped, n = [], 0
    bar = Progress(m, enabled=progress)
    try:
        for k, (rel, label) in enumerate(zip(kept, labels_all)):
            try:
                X[n] = read_image(source / rel, size, grayscale)
            except Exception:  # noqa: BLE001 - any decoding failure means "unreadable": skip and report
                skipped.append(rel.as_posix())
            else:
                y[n] = label
                n += 1
            bar.update(k + 1)
    finally:
        bar.close()
    X, y = X[:n], y[:n]

    counts = np.bincount(y, minlength=len(class_names))
    if (counts == 0).any():
        empty = [c for c, k in zip(class_names, counts) if k == 0]
        raise ConvertError(f"no readable images of class {_some(empty)} (skipped {len(skipped)} unreadable "
                           f"files: {_some(skipped)})")
    n_test = round(test_fraction * n)
    if not 1 <= n_test <= n - 1:
        raise ConvertError(f"--test-fraction {test_fraction} of {n} images leaves an empty "
                           f"{'test' if n_test < 1 else 'training'} set")
    train_idx, test_idx = stratified_split(y, n_test, np.random.default_rng(seed))
    order = np.concatenate([train_idx, test_idx])
    _permute_rows(X, order)  # X[:n_train] is now the training set, X[n_train:] the test set
    y = y[order]
    n_train = len(train_idx)

    attrs = {"source": f"folder {_ascii(source.name)!s} converted by datasets.convert",
             "labels": f"from {mode} ({'sub-folder names' if mode == 'folders' else 'file-name prefixes'})",
             "split": f"stratified, test fraction {test_fraction}, seed {seed}",
             "preprocessing": f"centre crop to a square, Lanczos resize to {size}x{size}, "
                              f"{'grayscale' if grayscale else 'RGB'}"}
    if progress:
        print(f"writing {out} (gzip level 9) ...", file=sys.stderr, flush=True)
    try:
        write_image_set(out, X[:n_train], y[:n_train], X[n_train:], y[n_train:],
                        [c.encode("utf-8") for c in class_names], attrs=attrs)
    except OSError as error:
        raise ConvertError(f"cannot write {out}: {error.strerror or error}") from None

    def per_class(labels_):
        return {c: int(k) for c, k in zip(class_names, np.bincount(labels_, minlength=len(class_names)))}

    return {"out": str(out), "classes": class_names, "label_mode": mode,
            "counts": per_class(y), "train_counts": per_class(y[:n_train]), "test_counts": per_class(y[n_train:]),
            "n_train": n_train, "n_test": n - n_train, "image_shape": (size, size, channels),
            "skipped": skipped, "ignored": len(rels) - m, "bytes": out.stat().st_size}


# ---------------------------------------------------------------------------------------------- command line

def _human(n_bytes):
    for unit in ("bytes", "kB", "MB", "GB"):
        if n_bytes < 1000 or unit == "GB":
            return f"{n_bytes:.0f} {unit}" if unit == "bytes" else f"{n_bytes:.1f} {unit}"
        n_bytes /= 1000


def format_summary(summary):
    """The report printed by the command line, as text (one table row per class)."""
    where = "sub-folder names" if summary["label_mode"] == "folders" else "file-name prefixes"
    width = max(len("class"), *(len(c) for c in summary["classes"]))
    lines = [f"labels from {where}; {len(summary['classes'])} classes (label: name)",
             f"  {'label':>5}  {'class':<{width}}  {'images':>7}  {'train':>7}  {'test':>7}"]
    for i, c in enumerate(summary["classes"]):
        lines.append(f"  {i:>5}  {c:<{width}}  {summary['counts'][c]:>7}  "
                     f"{summary['train_counts'][c]:>7}  {summary['test_counts'][c]:>7}")
    total = summary["n_train"] + summary["n_test"]
    lines.append(f"  {'':>5}  {'total':<{width}}  {total:>7}  {summary['n_train']:>7}  {summary['n_test']:>7}")
    shape = ", ".join(str(s) for s in summary["image_shape"])
    lines.append(f"wrote {summary['out']} ({_human(summary['bytes'])}): train_x ({summary['n_train']}, {shape}), "
                 f"test_x ({summary['n_test']}, {shape}) uint8")
    if summary["ignored"]:
        n = summary["ignored"]
        lines.append(f"ignored {n} image{'s' if n > 1 else ''} outside the classes {', '.join(summary['classes'])}")
    if summary["skipped"]:
        n = len(summary["skipped"])
        lines.append(f"skipped {n} unreadable image{'s' if n > 1 else ''}: {_some(summary['skipped'])}")
    return "\n".join(lines)


EPILOG = """\
examples:
  python -m datasets.convert ~/Downloads/train cats_vs_dogs.h5      Kaggle's cat.1.jpg, dog.1.jpg, ...
  python -m datasets.convert photos photos.h5 --size 32 --classes cat,dog
                                                     photos/cat/*.jpg, photos/dog/*.jpg (others ignored)

Images are centre-cropped to a square and resized with a Lanczos filter; unreadable files are
skipped and listed. The file holds train_x (m, size, size, c) uint8, train_y (m,) int64, test_x,
test_y and classes (bytes, index = label). Needs Pillow: pip install -e ".[images]".
Exit status: 0 written, 2 bad input or Pillow missing (one line on stderr), 130 interrupted.
"""


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m datasets.convert", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Convert a folder of labelled images into the course's HDF5 layout.")
    parser.add_argument("source", metavar="SOURCE", help="folder of images: SOURCE/CLASS/*.jpg or SOURCE/CLASS.N.jpg")
    parser.add_argument("out", metavar="OUT.h5", help="HDF5 file to write (overwritten)")
    parser.add_argument("--size", type=int, default=64, metavar="PIXELS", help="side of the square images in pixels (default: 64)")
    parser.add_argument("--test-fraction", type=float, default=0.2, metavar="F",
                        help="share of each class put in the test set (default: 0.2)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="seed of the stratified split (default: 0)")
    parser.add_argument("--labels", choices=LABEL_MODES, default="auto",
                        help="class from sub-folder names or file-name prefixes (default: auto)")
    parser.add_argument("--classes", metavar="A,B,...",
                        help="keep only these classes, in this label order (default: all, sorted)")
    parser.add_argument("--grayscale", action="store_true", help="one grey channel instead of RGB")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        summary = convert(args.source, args.out, size=args.size, test_fraction=args.test_fraction,
                          seed=args.seed, labels=args.labels, classes=args.classes,
                          grayscale=args.grayscale, progress=not args.quiet)
    except (ConvertError, ImportError) as error:
        print(f"datasets.convert: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("datasets.convert: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(format_summary(summary))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
