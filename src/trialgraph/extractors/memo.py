"""Remember pure per-sentence helpers across releases.

Releases repeat sentences verbatim: an issuer's "About" paragraph, its
standard descriptions of a drug or a trial, a wire service's boilerplate. In
a corpus of generated releases two sentences in three are repeats. A helper
whose result depends only on its arguments (the sentence text, the lexicons
and the patterns, never the release being extracted) is computed once per
distinct text. List results are stored as tuples and handed out as fresh
lists, so a caller that changes its list cannot change what the next caller
gets. Texts longer than ``MAX_CHARS`` are never remembered: memory stays
bounded whatever the input, and a pathological text costs the same every time.
"""
from __future__ import annotations

import inspect
from functools import lru_cache, wraps
from typing import Callable, TypeVar

T = TypeVar("T")

SENTENCES = 8192  # distinct texts remembered per helper
MAX_CHARS = 2000  # longer texts are computed afresh (at most ~16 MB per helper)


def _short(args: tuple) -> bool:
    # a plain loop: this runs on every call of every helper (a generator costs more than the sum)
    total = 0
    for a in args:
        if isinstance(a, str):
            total += len(a)
    return total <= MAX_CHARS


def per_text(function: Callable[..., list[T]]) -> Callable[..., list[T]]:
    """Memoise `function` (hashable arguments -> list) by its arguments."""
    cached = lru_cache(maxsize=SENTENCES)(lambda *args: tuple(function(*args)))

    @wraps(function)
    def call(*args) -> list[T]:
        return list(cached(*args)) if _short(args) else list(function(*args))

    # Most helpers take the sentence alone: test its length inline, not in a helper frame
    @wraps(function)
    def call_text(text) -> list[T]:
        return list(cached(text)) if not isinstance(text, str) or len(text) <= MAX_CHARS else list(function(text))

    chosen = call_text if _takes_one_argument(function) else call
    chosen.cache_info = cached.cache_info  # type: ignore[attr-defined]
    chosen.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return chosen


def _takes_one_argument(function: Callable) -> bool:
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return False
    return len(parameters) == 1 and parameters[0].kind in (inspect.Parameter.POSITIONAL_ONLY,
                                                           inspect.Parameter.POSITIONAL_OR_KEYWORD)


def per_text_value(function: Callable[..., T]) -> Callable[..., T]:
    """Memoise `function` whose result is immutable (a str, a number)."""
    cached = lru_cache(maxsize=SENTENCES)(function)

    @wraps(function)
    def call(*args) -> T:
        return cached(*args) if _short(args) else function(*args)

    @wraps(function)
    def call_text(text) -> T:
        return cached(text) if not isinstance(text, str) or len(text) <= MAX_CHARS else function(text)

    chosen = call_text if _takes_one_argument(function) else call
    chosen.cache_info = cached.cache_info  # type: ignore[attr-defined]
    chosen.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return chosen
