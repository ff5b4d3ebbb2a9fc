"""What only instructors run: generating the stubs and notebooks, freezing the fixtures, the catalogue
of mistakes and its checks, mutation testing, the scoreboard, class grading, course platforms and
releases, with their commands (:mod:`.cli`).

May import every layer of the grader; nothing below imports it, so a learner's run never loads it.
"""
