"""Week 7 suites."""

MODULES = ["multiclass", "trainer"]  # lesson order, for the report
