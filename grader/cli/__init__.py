"""The learner's front ends: ``python -m grader`` (:mod:`.main`) and the notebooks' ``check``
(:mod:`.notebook_check`).

May import every layer below (:mod:`grader.render`, :mod:`grader.grading`, :mod:`grader.sandbox`, the
core), never :mod:`grader.tools`. Kept empty so that a notebook importing its checker loads no more.
"""
