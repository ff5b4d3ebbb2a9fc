"""Week 5 suites."""

MODULES = ["initialization", "regularization", "gradient_checking"]  # lesson order, for the report
