"""Corpus readers and scorers behind ``newsgraph eval``; one module per task.

Each task module exposes ``evaluate(path, settings, limit=None) -> Report``.
"""
