"""Week 4 suites."""

MODULES = ["deep_nn", "network"]  # lesson order, for the report
