"""The report renderers, on small results built by hand (no grading, no submission involved)."""
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest

from grader.render import FORMATS, render
from grader.render import text as text_renderer
from grader.render.formatting import format_percent, format_points
from grader.results import CRASHED, ERROR, FAILED, NOT_IMPLEMENTED, PASSED, TIMED_OUT, ExerciseResult
from grader.results import CUT_MARK, HINT_LIMIT, MAX_LINES, MESSAGE_LIMIT, NOTICE_LIMIT, GradingResults, WeekResult
from grader.results import clean_text
from grader.results import TestResult as ItemResult

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SIGMOID_MESSAGE = "sigmoid(x): values differ: max abs error 0.27 at index (1, 2): expected 0.731, got 0.5"
ESCAPED_MESSAGE = 'compute_cost raised ValueError: shapes <3,> & <4,> not aligned for "X" and \'Y\''
LONG_MESSAGE = "\n".join(
    [f"propagate(w, b, X, Y): dw check {i} failed because the gradient is far from the numerical "
     f"estimate <{i}> & so on" for i in range(8)])


def exercise(week, module, name, *tests):
    """An exercise from ``(status, points, message)`` triples, one per test item."""
    return ExerciseResult(week, module, name, [
        ItemResult(f"tests/{week}/test_{module}.py::test_{name}[{i}]", f"test_{name}[{i}]", points, status,
                   message, duration=0.25)
        for i, (status, points, message) in enumerate(tests)])


def two_week_results():
    """Every status, fractional points, long messages, and characters XML must escape."""
    week1 = WeekResult("week1", "NumPy basics and linear regression", [
        exercise("week1", "numpy_basics", "basic_sigmoid", (PASSED, 1, "")),
        exercise("week1", "numpy_basics", "sigmoid", (PASSED, 0.5, ""), (FAILED, 0.5, SIGMOID_MESSAGE)),
        exercise("week1", "numpy_basics", "relu",
                 (NOT_IMPLEMENTED, 0.5, "relu is not implemented"), (NOT_IMPLEMENTED, 0.5, "relu: same")),
        exercise("week1", "linear_regression", "compute_cost",
                 (PASSED, 2 / 3, ""), (ERROR, 2 / 3, ESCAPED_MESSAGE), (ERROR, 2 / 3, ESCAPED_MESSAGE)),
        exercise("week1", "linear_regression", "gradient_descent",
                 (TIMED_OUT, 2, "gradient_descent did not return within 10 s")),
    ])
    week2 = WeekResult("week2", "Logistic regression as a neural network", [
        exercise("week2", "logistic_regression", "initialize_with_zeros", (PASSED, 1, "")),
        exercise("week2", "logistic_regression", "propagate", (CRASHED, 3, LONG_MESSAGE)),
        exercise("week2", "logistic_regression", "predict",
                 (FAILED, 1, "predict: \x1b[31mexpected\x1b[0m [1 0], got [0 0]\x07")),
        exercise("week2", "logistic_regression", "model", (NOT_IMPLEMENTED, 2, "model is not implemented")),
    ])
    return GradingResults("exercises", [week1, week2], duration=12.6)


def one_week_results(*exercises):
    return GradingResults("exercises", [WeekResult("week1", "NumPy basics", list(exercises))], duration=0.4)


def lines_after(report, label, count=1):
    """The ``count`` lines below the row that starts with ``label``."""
    lines = report.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(label + " "))
    return lines[index + 1: index + 1 + count]


# ------------------------------------------------------------------------------------------ dispatch
def test_formats_are_the_four_promised():
    assert FORMATS == ("text", "json", "gradescope", "junit")


def test_unknown_format_names_the_choices():
    with pytest.raises(ValueError, match="text, json, gradescope, junit"):
        render(two_week_results(), fmt="html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_one_newline_for_print_and_files(fmt):
    for results in (two_week_results(), GradingResults("exercises")):
        report = render(results, fmt=fmt)
        assert report.endswith("\n") and not report.endswith("\n\n")


# ------------------------------------------------------------------------------------------ text
@pytest.mark.parametrize("points, expected", [
    (1.0, "1"), (0.5, "0.5"), (2 / 3 + 5 / 3, "2.33"), (0.0, "0"), (10, "10"), (0.1 + 0.2, "0.3"),
    (-0.0, "0"),
])
def test_points_are_compact(points, expected):
    assert format_points(points) == expected


def test_percent_never_rounds_up_to_full_marks():
    almost = one_week_results(exercise("week1", "m", "f", (PASSED, 199, ""), (FAILED, 0.5, "x"))).weeks[0]
    nothing = one_week_results().weeks[0]
    assert format_percent(almost) == "99%"
    assert format_percent(nothing) == "0%"


def test_week_and_total_lines_show_points_and_percent():
    lines = render(two_week_results()).splitlines()
    assert lines[0].startswith("week1 · NumPy basics and linear regression")
    assert lines[0].split()[-2:] == ["2.17/7", "31%"]
    week2 = next(line for line in lines if line.startswith("week2"))
    assert week2.split()[-2:] == ["1/7", "14%"]
    total = next(line for line in lines if line.startswith("Total"))
    assert total.split()[-2:] == ["3.17/14", "23%"]


def test_a_single_week_has_no_overall_total():
    report = render(one_week_results(exercise("week1", "m", "f", (PASSED, 1, ""))))
    assert "Total" not in report
    assert report.splitlines()[0].split()[-2:] == ["1/1", "100%"]


def test_scores_and_statuses_line_up_in_columns():
    lines = render(two_week_results()).splitlines()
    rows = [line for line in lines if re.search(r"\d/\d", line) and not line.startswith(" " * 8)]
    assert len(rows) == 2 + 9 + 1  # weeks, exercises, total
    for row in rows:
        score = re.search(r"[\d.]+/[\d.]+", row)
        assert score.end() == text_renderer.SCORE_END, row
    totals = [row for row in rows if not row.startswith(" ")]
    assert [len(row) for row in totals] == [text_renderer.STATUS_COLUMN + 4] * 3  # percents right-aligned
    exercise_rows = [row for row in rows if row.startswith("    ")]
    assert [row[text_renderer.STATUS_COLUMN:] for row in exercise_rows] == [
        PASSED, FAILED, NOT_IMPLEMENTED, ERROR, TIMED_OUT, PASSED, CRASHED, FAILED, NOT_IMPLEMENTED]


def test_exercises_are_grouped_under_their_module_file():
    lines = render(two_week_results()).splitlines()
    assert lines[1] == "  numpy_basics.py"
    assert lines[2].startswith("    basic_sigmoid ")


def test_no_line_is_wider_than_the_report():
    long_name = one_week_results(exercise("week1", "m", "f" * 100, (FAILED, 1, "x" * 500)))
    for results in (two_week_results(), long_name):
        assert max(len(line) for line in render(results).splitlines()) <= text_renderer.WIDTH


def test_message_is_shown_under_lost_exercises_only():
    report = render(two_week_results())
    indent = " " * text_renderer.MESSAGE_INDENT
    sigmoid_message = lines_after(report, "sigmoid", 2)
    assert all(line.startswith(indent) for line in sigmoid_message)
    assert " ".join(line.strip() for line in sigmoid_message) == SIGMOID_MESSAGE
    assert lines_after(report, "compute_cost")[0].startswith(indent + "compute_cost raised ValueError")
    assert lines_after(report, "gradient_descent") == [indent + "gradient_descent did not return within 10 s"]
    assert lines_after(report, "basic_sigmoid")[0].startswith("    sigmoid ")
    assert lines_after(report, "initialize_with_zeros")[0].startswith("    propagate ")


def test_not_implemented_shows_no_message():
    report = render(two_week_results())
    assert "is not implemented" not in report
    assert lines_after(report, "relu") == ["  linear_regression.py"]


def test_long_message_is_wrapped_and_cut_with_an_ellipsis():
    below = lines_after(render(two_week_results()), "propagate", 10)
    message_lines = below[: next(i for i, line in enumerate(below) if not line.startswith(" " * 8))]
    assert len(message_lines) == text_renderer.MAX_MESSAGE_LINES
    assert message_lines[-1].endswith(" ...")
    assert all(len(line) <= text_renderer.WIDTH for line in message_lines)


def test_no_escape_codes_without_colour_even_from_messages():
    report = render(two_week_results(), color=False)
    assert "\x1b" not in report and "\x07" not in report
    assert "predict: expected [1 0], got [0 0]" in report


def test_colour_marks_statuses_and_totals_without_moving_columns():
    coloured = render(two_week_results(), color=True)
    assert "\x1b[32mpassed\x1b[0m" in coloured
    for status in (FAILED, ERROR, TIMED_OUT, CRASHED):
        assert f"\x1b[31m{status}\x1b[0m" in coloured
    assert f"\x1b[33m{NOT_IMPLEMENTED}\x1b[0m" in coloured
    assert any(line.startswith("\x1b[1mTotal") for line in coloured.splitlines())
    assert ANSI.sub("", coloured) == render(two_week_results(), color=False)


def footer(report):
    """The last paragraph of the report on one line, with "/" as the path separator on every system."""
    return " ".join(report.split("\n\n")[-1].splitlines()).replace(os.sep, "/")


def test_footer_names_the_weeks_with_stubs():
    assert footer(render(two_week_results())) == (
        "Fill in the # YOUR CODE HERE blocks in exercises/week1/ and exercises/week2/ "
        "and run python -m grader week1 week2 again.")


@pytest.mark.parametrize("submission, place, option", [
    ("../exercises", "../exercises/week1/", " --submission ../exercises"),
    ("alice/week1", "alice/week1/", " --submission alice/week1"),
    ("numpy_basics.py", "numpy_basics.py", " --submission numpy_basics.py"),
    ("my work", "my work/week1/", " --submission 'my work'"),
])
def test_footer_points_at_what_the_user_graded(submission, place, option):
    stub = exercise("week1", "numpy_basics", "relu", (NOT_IMPLEMENTED, 1, "relu is not implemented"))
    results = GradingResults(submission, [WeekResult("week1", "", [stub])])
    assert footer(render(results)) == (
        f"Fill in the # YOUR CODE HERE blocks in {place} and run python -m grader week1{option} again.")


def test_footer_never_splits_the_command():
    report = render(one_week_results(exercise("week1", "m", "f", (NOT_IMPLEMENTED, 1, "stub"))))
    assert report.rstrip().splitlines()[-1] == "python -m grader week1 again."
    assert "\u00a0" not in report


def test_no_footer_when_everything_is_implemented():
    report = render(one_week_results(exercise("week1", "m", "f", (FAILED, 1, "wrong"))))
    assert "YOUR CODE HERE" not in report


# ------------------------------------------------------------------------------------------ should_color
class FakeStream:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.fixture
def plain_env(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


@pytest.mark.parametrize("mode, tty, expected", [
    ("always", False, True), ("never", True, False), ("auto", True, True), ("auto", False, False)])
def test_should_color_follows_mode_and_terminal(plain_env, mode, tty, expected):
    assert text_renderer.should_color(FakeStream(tty), mode) is expected


@pytest.mark.parametrize("name, value, expected", [
    ("NO_COLOR", "1", False), ("NO_COLOR", "0", False), ("NO_COLOR", "", True), ("TERM", "dumb", False)])
def test_should_color_respects_the_environment_in_auto_mode(plain_env, name, value, expected):
    plain_env.setenv(name, value)
    assert text_renderer.should_color(FakeStream(True)) is expected
    assert text_renderer.should_color(FakeStream(True), "always") is True


def test_should_color_is_false_for_a_stream_without_isatty(plain_env):
    assert text_renderer.should_color(object()) is False


def test_should_color_rejects_an_unknown_mode():
    with pytest.raises(ValueError, match="always, never, auto"):
        text_renderer.should_color(FakeStream(True), "sometimes")


# ------------------------------------------------------------------------------------------ json
def test_json_round_trips_the_results_model():
    results = two_week_results()
    data = json.loads(render(results, fmt="json", color=True))
    assert data == results.to_dict()
    sigmoid = data["weeks"][0]["exercises"][1]
    assert (sigmoid["status"], sigmoid["points"], sigmoid["max_points"]) == (FAILED, 0.5, 1)
    assert [t["status"] for t in sigmoid["tests"]] == [PASSED, FAILED]
    assert sigmoid["tests"][1]["message"] == SIGMOID_MESSAGE


# ------------------------------------------------------------------------------------------ gradescope
def gradescope_problems(document):
    """What in ``document`` breaks Gradescope's results.json schema (empty when nothing does)."""
    number, visibilities = (int, float), {"hidden", "after_due_date", "after_published", "visible"}
    problems = []

    def check(where, data, key, types, required=True):
        if key not in data:
            problems.extend([f"{where}: missing {key!r}"] if required else [])
        elif isinstance(data[key], bool) or not isinstance(data[key], types):
            problems.append(f"{where}: {key!r} is {type(data[key]).__name__}")

    check("top", document, "score", number)
    check("top", document, "execution_time", int)
    check("top", document, "output", str, required=False)
    check("top", document, "visibility", str, required=False)
    check("top", document, "tests", list)
    if document.get("visibility", "visible") not in visibilities:
        problems.append(f"top: bad visibility {document['visibility']!r}")
    for i, test in enumerate(document.get("tests", [])):
        for key, types in [("name", str), ("score", number), ("max_score", number), ("status", str),
                           ("output", str), ("visibility", str)]:
            check(f"test {i}", test, key, types)
        if test.get("status") not in ("passed", "failed"):
            problems.append(f"test {i}: bad status {test.get('status')!r}")
        if test.get("visibility") not in visibilities:
            problems.append(f"test {i}: bad visibility {test.get('visibility')!r}")
    return problems


def test_gradescope_output_fits_the_schema():
    document = json.loads(render(two_week_results(), fmt="gradescope"))
    assert gradescope_problems(document) == []
    assert document["execution_time"] == 13
    assert document["score"] == pytest.approx(3.17)
    assert sum(test["score"] for test in document["tests"]) == pytest.approx(document["score"])


def test_gradescope_has_one_test_per_exercise_with_status_and_message():
    tests = json.loads(render(two_week_results(), fmt="gradescope"))["tests"]
    assert len(tests) == 9
    sigmoid = tests[1]
    assert sigmoid["name"] == "week1 · numpy_basics.sigmoid"
    assert (sigmoid["score"], sigmoid["max_score"], sigmoid["status"]) == (0.5, 1, "failed")
    assert sigmoid["output"] == f"failed\n{SIGMOID_MESSAGE}"
    assert tests[0]["status"] == "passed" and tests[0]["output"] == "passed"
    assert [t["status"] for t in tests].count("passed") == 2
    assert tests[7]["output"] == "failed\npredict: expected [1 0], got [0 0]"  # escape codes dropped


def test_gradescope_summary_gives_each_week_its_score():
    output = json.loads(render(two_week_results(), fmt="gradescope"))["output"]
    assert output.splitlines() == ["week1 · NumPy basics and linear regression: 2.17/7 (31%)",
                                   "week2 · Logistic regression as a neural network: 1/7 (14%)"]


# ------------------------------------------------------------------------------------------ junit
def test_junit_parses_and_counts_failures_and_errors():
    root = ET.fromstring(render(two_week_results(), fmt="junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("9", "6", "1")
    week1, week2 = root.findall("testsuite")
    counts = [(suite.get("name"), suite.get("tests"), suite.get("failures"), suite.get("errors"))
              for suite in (week1, week2)]
    assert counts == [("week1", "5", "3", "1"), ("week2", "4", "3", "0")]
    assert len(week1.findall("testcase/failure")) == 3 and len(week1.findall("testcase/error")) == 1


def test_junit_cases_carry_names_points_and_escaped_messages():
    root = ET.fromstring(render(two_week_results(), fmt="junit"))
    cases = {case.get("name"): case for case in root.iter("testcase")}
    cost = cases["compute_cost"]
    assert cost.get("classname") == "week1.linear_regression" and cost.get("time") == "0.750"
    assert {p.get("name"): p.get("value") for p in cost.iter("property")} == {
        "points": "0.67", "max_points": "2"}
    assert cost.find("error").get("message") == ESCAPED_MESSAGE
    assert cases["relu"].find("failure").get("type") == NOT_IMPLEMENTED
    assert cases["gradient_descent"].find("failure").get("type") == TIMED_OUT
    assert cases["basic_sigmoid"].find("failure") is None and cases["basic_sigmoid"].find("error") is None
    assert cases["predict"].find("failure").get("message") == "predict: expected [1 0], got [0 0]"
    crash = cases["propagate"].find("failure")
    assert crash.get("message") == LONG_MESSAGE.splitlines()[0]  # a one-line summary; the details follow
    assert crash.text.splitlines()[:2] == [
        "tests/week2/test_logistic_regression.py::test_propagate[0]: crashed",
        "    " + LONG_MESSAGE.splitlines()[0]]
    assert crash.text.count("dw check") == 8


def test_junit_suite_properties_hold_week_points():
    week1 = ET.fromstring(render(two_week_results(), fmt="junit")).find("testsuite")
    properties = {p.get("name"): p.get("value") for p in week1.find("properties")}
    assert properties == {"title": "NumPy basics and linear regression", "points": "2.17", "max_points": "7"}


def test_junit_drops_characters_xml_cannot_hold():
    message = "null \x00 byte, form feed \x0c, non-character \ufffe"
    bad = exercise("week1", "m", "f\ufffe", (FAILED, 1, message))
    case = ET.fromstring(render(one_week_results(bad), fmt="junit")).find("testsuite/testcase")
    assert case.get("name") == "f"
    # The model already dropped them from the message; its summary line is stripped like any other.
    assert case.find("failure").get("message") == "null  byte, form feed , non-character"


# ------------------------------------------------------------------------------ hints and seed
HINT = "This looks like exp(x) where the formula has exp(-x): check the sign of the exponent."


def hinted_results(seed=4242):
    failed = ItemResult("tests/week1/test_numpy_basics.py::test_sigmoid[0]", "test_sigmoid[0]", 1, FAILED,
                        SIGMOID_MESSAGE, hint=HINT)
    return GradingResults("exercises", [WeekResult("week1", "NumPy basics", [
        ExerciseResult("week1", "numpy_basics", "sigmoid", [failed])])], seed=seed)


def test_a_recognised_mistake_is_named_under_the_message_in_every_format():
    results = hinted_results()
    text = render(results, "text")
    assert "got 0.5 hint: " + HINT in " ".join(text.split())  # right under the failed check
    report = json.loads(render(results, "json"))
    assert report["weeks"][0]["exercises"][0]["hint"] == HINT
    assert report["weeks"][0]["exercises"][0]["tests"][0]["hint"] == HINT
    assert HINT in json.loads(render(results, "gradescope"))["tests"][0]["output"]
    assert HINT in render(results, "junit")


def test_the_report_says_how_to_repeat_the_random_inputs_only_when_points_were_lost():
    text = " ".join(render(hinted_results(seed=4242), "text").split())
    assert "seed 4242" in text and "--seed 4242" in text
    assert json.loads(render(hinted_results(seed=4242), "json"))["seed"] == 4242
    passed = GradingResults("exercises", [WeekResult("week1", "NumPy basics", [
        exercise("week1", "numpy_basics", "sigmoid", (PASSED, 1, ""))])], seed=4242)
    assert "--seed" not in render(passed, "text")


# ------------------------------------------------------------------------------ hostile text
# A message repeats what a submission raised or printed, a hint may quote it, and a notice may name
# its files: the results model cleans them once (results.clean_text), and no format may break on them.
HOSTILE_TEXT = {
    "lone surrogates": "got \ud800 and \udfff alone",
    "clear screen and home": "\x1b[2J\x1b[Hyour grade: 100/100",
    "window title": "\x1b]0;all tests passed\x07title changed",
    "C1 CSI": "\x9b31mred without ESC",
    "NUL and bell": "a\x00b\x07c",
    "carriage return": "failed\rpassed",
    "form feed and vertical tab": "a\x0cb\x0bc",
    "bidi override": "expected \u202e0.5 tog",
    "line separators": "one\u2028two\u2029three\x85four",
    "XML non-characters": "a\ufffeb\uffffc",
    "10 MB": "x" * (10 * 2**20),
    "10 MB without spaces or ASCII": "\u00e9" * (10 * 2**20),
    "10,000 lines": "\n".join(f"line {i}" for i in range(10_000)),
    "10,000 escapes": "\x1b[31m" * 10_000 + "end",
}
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\ufffe\uffff]")


def hostile_results(text):
    """One lost exercise whose two lost tests carry ``text`` as message and hint, and ``text`` as a notice."""
    tests = [ItemResult(f"tests/week1/test_m.py::test_f[{i}]", f"test_f[{i}]", 1, status, text, hint=text)
             for i, status in enumerate((FAILED, ERROR))]
    results = GradingResults("exercises", [WeekResult("week1", "NumPy basics", [
        ExerciseResult("week1", "m", "f", tests)])], notices=[text])
    return results


def test_clean_text_keeps_ordinary_messages_as_they_are():
    for text in ("", SIGMOID_MESSAGE, ESCAPED_MESSAGE, LONG_MESSAGE, "tab\tand\nnewline", "naïve ∑ 😀 中文"):
        assert clean_text(text, MESSAGE_LIMIT) == text


@pytest.mark.parametrize("text, expected", [
    ("\ud800", "\ufffd"),
    ("a\udfffb", "a\ufffdb"),
    ("\ud83d\ude00", "\U0001f600"),  # a surrogate pair (as a JSON "\ud83d\ude00" escape gives) is one character
    ("\x1b[2J\x1b[1;31mred\x1b[0m", "red"),  # whole sequences, not just their ESC
    ("\x1b]0;title\x07text", "text"),
    ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("\x9b2Jx", "x"),
    ("\x1bcreset", "reset"),
    ("lone \x1b", "lone "),
    ("a\x00b\x07c\x7fd\x85e", "abcde"),
    ("windows\r\nline", "windows\nline"),
    ("progress\rover", "progressover"),
    ("one\u2028two\u2029three", "one\ntwo\nthree"),
    ("\u202eoverride\u2066isolate\u2069", "overrideisolate"),
    ("a\ufffeb\uffff", "ab"),
    (None, ""),
    (42, "42"),
])
def test_clean_text_makes_text_safe(text, expected):
    assert clean_text(text, MESSAGE_LIMIT) == expected


def test_clean_text_caps_length_and_lines_and_says_so():
    long = clean_text("word " * 10_000, 100)
    assert len(long) <= 100 and long.endswith(CUT_MARK)
    many = clean_text("\n".join(f"line {i}" for i in range(10_000)), 10_000)
    assert many.count("\n") == MAX_LINES - 1 and many.endswith("line 11" + CUT_MARK)
    assert clean_text("a\nb\nc", 100, max_lines=1) == "a" + CUT_MARK
    assert clean_text("x" * 100, 100) == "x" * 100  # exactly at the limit: nothing cut


@pytest.mark.parametrize("name", list(HOSTILE_TEXT))
def test_clean_text_is_fast_bounded_and_idempotent(name):
    import time
    start = time.perf_counter()
    cleaned = clean_text(HOSTILE_TEXT[name], MESSAGE_LIMIT)
    assert time.perf_counter() - start < 0.1
    assert len(cleaned) <= MESSAGE_LIMIT and cleaned.count("\n") < MAX_LINES
    assert not FORBIDDEN.search(cleaned)
    cleaned.encode("utf-8")  # strict: no lone surrogate left
    assert clean_text(cleaned, MESSAGE_LIMIT) == cleaned


def test_test_results_clean_message_and_hint_however_they_are_set():
    result = ItemResult("id", "test_f", 1, FAILED, "\x1b[2J" + "m" * 5000, hint="\ud800" + "h" * 5000)
    assert result.message.startswith("m") and len(result.message) == MESSAGE_LIMIT
    assert result.hint.startswith("\ufffd") and len(result.hint) == HINT_LIMIT
    result.hint = "\x1b[31mlater\x1b[0m"  # as the plugin does once a mistake is recognised
    result.message = "changed\x00 later"  # as a notebook submission does
    assert (result.hint, result.message) == ("later", "changed later")
    assert result.to_dict()["message"] == "changed later"


def test_notices_are_cleaned_however_they_are_added():
    results = GradingResults("exercises", notices=["\x1b[2Jat construction"])
    results.notices.append("\x1b[2Jappended")
    results.notices.extend(["\x1b[2Jextended"])
    results.notices += ["\x1b[2Jadded"]
    results.notices.insert(0, "\x1b[2Jinserted")
    results.notices[1] = "\x1b[2Jreplaced"
    assert results.notices == ["inserted", "replaced", "appended", "extended", "added"]
    results.notices = ["n" * 10_000]
    assert len(results.notices[0]) == NOTICE_LIMIT and results.notices[0].endswith(CUT_MARK)


def test_the_submission_label_is_cleaned_to_one_line():
    results = GradingResults("alice\x1b[2J\n\ud800")
    assert results.submission == "alice" + CUT_MARK


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(HOSTILE_TEXT))
def test_every_format_renders_hostile_text_safely_and_capped(fmt, name):
    results = hostile_results(HOSTILE_TEXT[name])
    report = render(results, fmt=fmt, color=True)
    assert not FORBIDDEN.search(ANSI.sub("", report))  # colours are the text renderer's own
    report.encode("utf-8")  # strict
    assert "\x1b[2J" not in report and "\x1b]" not in report
    # Two tests' messages and hints, each shown a few times; JSON writes "\u00e9" for "é".
    assert len(report) < (6 if fmt in ("json", "gradescope") else 1) * 3 * 2 * (MESSAGE_LIMIT + HINT_LIMIT) + 3000
    if fmt == "text":
        assert len(report.splitlines()) < 30
        assert max(len(line) for line in ANSI.sub("", report).splitlines()) <= text_renderer.WIDTH
    elif fmt == "json":
        data = json.loads(report)
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        tests = data["weeks"][0]["exercises"][0]["tests"]
        assert all(len(t["message"]) <= MESSAGE_LIMIT and len(t["hint"]) <= HINT_LIMIT for t in tests)
    elif fmt == "gradescope":
        document = json.loads(report)
        assert gradescope_problems(document) == []
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    else:
        root = ET.fromstring(report.encode("utf-8"))
        failure = root.find("testsuite/testcase/failure")
        assert failure is not None and "\n" not in failure.get("message")
        assert len(failure.text.splitlines()) <= 2 * (1 + 2 * MAX_LINES)  # each test: its id, message, hint
        assert all(line.startswith("    ") for line in failure.text.splitlines() if not line.startswith("tests/"))


def test_a_learners_escape_codes_cannot_recolour_a_coloured_report():
    report = render(hostile_results("\x1b[32mpassed\x1b[0m \x1b[2K"), color=True)
    assert report.count("\x1b[") == len(ANSI.findall(report))  # only the renderer's own colours
    assert "\x1b[32mpassed" not in report


def test_verbose_lists_every_failed_check_with_its_points_and_the_default_only_the_first():
    report = render(two_week_results())
    verbose = render(two_week_results(), verbose=True)
    assert report.count(ESCAPED_MESSAGE[:30]) == 1
    assert " ".join(verbose.split()).count(ESCAPED_MESSAGE[:30]) == 2
    flat = " ".join(verbose.split())
    assert "1/2 (-0.667 points) compute_cost raised" in flat and "2/2 (-0.667 points) compute_cost" in flat
    assert render(two_week_results(), "json", verbose=True) == render(two_week_results(), "json")
    assert all(len(line) <= text_renderer.WIDTH for line in verbose.splitlines())


def test_totals_do_not_depend_on_the_order_of_the_tests():
    # pytest 7 and 9 order stacked parametrizations differently; a plain float sum then rounded the
    # same points to 0.57 on one and 0.58 on the other.
    shares = [0.0125, 0.0125, 0.08, 0.06, 0.25 / 3, 0.06, 0.2 / 3, 0.03, 0.03]  # 0.435: plain sums give .43 or .44
    totals = {exercise("week1", "m", "f", *[(PASSED, s, "") for s in order]).points
              for order in (shares, shares[::-1], sorted(shares), sorted(shares, reverse=True))}
    assert totals == {0.43}
