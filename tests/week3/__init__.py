"""Week 3 suites."""

MODULES = ["shallow_nn"]  # lesson order, for the report
