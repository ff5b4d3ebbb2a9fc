"""Week 9 suites."""

MODULES = ["rnn", "char_lm"]  # lesson order, for the report
