"""Week 6 suites."""

MODULES = ["optimization"]  # lesson order, for the report
