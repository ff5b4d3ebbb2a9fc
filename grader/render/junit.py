"""JUnit XML for CI servers: one ``<testsuite>`` per week, one ``<testcase>`` per exercise.

An exercise that lost points is a ``<failure>`` (its ``type`` is the grader's status, "not implemented"
included: a stub costs points just like a wrong answer); only status "error" becomes ``<error>``.
Points travel as ``<properties>`` on each suite and each case, as pytest's ``record_property`` does.
"""
import re
import xml.etree.ElementTree as ET

from ..results import ERROR, PASSED
from .formatting import format_points, plain_text

# ElementTree escapes & < > and quotes but writes any other character as it is, and XML 1.0 forbids
# some (U+FFFE, lone surrogates, control characters): one of them would make the whole report unparsable.
_NOT_XML_CHARACTER = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(results, color=False):
    """``color`` is ignored: XML carries no colour."""
    root = ET.Element("testsuites", _counts(results.exercises, "grader", results.duration))
    for week in results.weeks:
        root.append(_suite(week))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(week):
    durations = [_duration(e) for e in week.exercises]
    suite = ET.Element("testsuite", _counts(week.exercises, week.name, sum(durations)))
    _add_properties(suite, title=week.title, points=format_points(week.points),
                    max_points=format_points(week.max_points), **_hidden_properties(week))
    for exercise, duration in zip(week.exercises, durations):
        suite.append(_case(exercise, duration))
    return suite


def _case(exercise, duration):
    case = ET.Element("testcase", classname=f"{exercise.week}.{exercise.module}",
                      name=_clean(exercise.name), time=f"{duration:.3f}")
    _add_properties(case, points=format_points(exercise.points),
                    max_points=format_points(exercise.max_points), **_hidden_properties(exercise))
    if exercise.status != PASSED:
        tag = "error" if exercise.status == ERROR else "failure"
        # The attribute is the one-line summary CI servers list; the element's text has every detail.
        summary = (plain_text(exercise.message).strip().splitlines() or [exercise.status])[0]
        outcome = ET.SubElement(case, tag, message=_clean(summary), type=exercise.status)
        outcome.text = _clean(_details(exercise))
    return case


def _hidden_properties(item):
    """The points of hidden cases, only for results that were graded with some."""
    if not item.has_hidden:
        return {}
    return {"hidden_points": format_points(item.hidden_points),
            "hidden_max_points": format_points(item.hidden_max_points)}


def _details(exercise):
    """Every lost test item, not only the first: a CI log is read by someone fixing the grader too."""
    lines = [exercise.note] if exercise.note else []
    for test in exercise.tests:
        if not test.passed:
            lines.append(f"{test.nodeid}: {test.status}" + (" (hidden case)" if test.hidden else ""))
            lines.extend(f"    {line}" for line in test.message.splitlines())
            if test.hint:
                first, *rest = test.hint.splitlines()
                lines.append(f"    hint: {first}")
                lines.extend(f"          {line}" for line in rest)
    return "\n".join(lines)


def _counts(exercises, name, duration):
    statuses = [e.status for e in exercises]
    return {"name": _clean(name), "tests": str(len(statuses)),
            "failures": str(sum(s not in (PASSED, ERROR) for s in statuses)),
            "errors": str(statuses.count(ERROR)), "skipped": "0", "time": f"{duration:.3f}"}


def _add_properties(parent, **values):
    properties = ET.SubElement(parent, "properties")
    for name, value in values.items():
        ET.SubElement(properties, "property", name=name, value=_clean(value))


def _duration(exercise):
    return sum(test.duration for test in exercise.tests)


def _clean(text):
    return _NOT_XML_CHARACTER.sub("", plain_text(text))
