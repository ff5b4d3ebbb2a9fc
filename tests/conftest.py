"""Every suite runs through the grader's plugin: ``--submission`` picks the code under test."""
pytest_plugins = ["grader.grading.plugin"]
