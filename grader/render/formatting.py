"""Small formatting rules shared by the renderers, so every format names and counts things alike."""
import re

# Test messages can carry terminal escapes (a coloured assertion diff, a stray \r or bell): a report
# must not, whether it is read in a terminal, on Gradescope's page or in a CI log.
_ANSI_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain_text(message):
    """``message`` without ANSI sequences and control characters; newlines stay, tabs become spaces."""
    return _CONTROL_CHARACTER.sub("", _ANSI_SEQUENCE.sub("", message.expandtabs(4)))


def format_points(points):
    """``1``, ``0.5``, ``2.33``: at most two decimals and no trailing zeros, never ``1.0000``."""
    text = f"{points:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_score(item):
    """``points/max_points`` of anything in the results model that has both (exercise, week, total)."""
    return f"{format_points(item.points)}/{format_points(item.max_points)}"


def format_percent(item):
    """``70%``, rounded, but never ``100%`` unless every point was earned: a learner reads 100% as done."""
    percent = round(item.percent)
    if percent == 100 and item.points < item.max_points:
        percent = 99
    return f"{percent}%"


def format_split(item):
    """``visible cases 25/25, hidden cases 3/5``: where the points of a result with hidden cases came from."""
    return (f"visible cases {format_points(item.visible_points)}/{format_points(item.visible_max_points)}, "
            f"hidden cases {format_points(item.hidden_points)}/{format_points(item.hidden_max_points)}")


def week_label(week):
    """``week1 · NumPy basics and linear regression``, or just ``week1`` when the week has no title."""
    return f"{week.name} · {week.title}" if week.title else week.name
