"""Tests of the course's tools (the image converter, the plotting helpers); not graded."""
