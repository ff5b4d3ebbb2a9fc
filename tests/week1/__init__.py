"""Week 1 suites."""

MODULES = ["numpy_basics", "vectorization", "linear_regression"]  # lesson order, for the report
