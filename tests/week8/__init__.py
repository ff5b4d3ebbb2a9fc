"""Week 8 suites."""

MODULES = ["convolution", "conv_fast", "cnn"]  # lesson order, for the report
