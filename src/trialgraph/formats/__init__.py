"""Readers for input formats other than plain text: HTML and PDF.

Each turns a file's bytes into the plain text trialgraph reads; evidence
offsets then refer to that text (docs/input-formats.md).
"""
