"""The results model as JSON, for scripts and dashboards: exactly ``GradingResults.to_dict()``.

Named ``json_format`` rather than ``json`` so that it can never shadow the standard library's module,
e.g. when a tool puts this folder itself on ``sys.path``.
"""
import json


def render(results, color=False):
    """``color`` is accepted for a uniform renderer signature and ignored: machines want no escapes."""
    return json.dumps(results.to_dict(), indent=2) + "\n"
