"""The catalogue of mistakes learners make, one module per solution module (see grader/tools/mistakes.py).

Instructors only: it is left out of exercises/ and of the student release.
"""
