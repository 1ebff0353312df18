"""Derive the shipped English word list from the pinned word-frequency package.

    python -m trialgraph.tools.gen_english_words [-o src/trialgraph/lexicons/english_words.txt.gz]

A lower-case word in the place a drug's INN is written ("BRAND (word)", "CODE (word)", "word (CODE)", "its
KRAS inhibitor word") is a drug name no dictionary lists yet only if it is no English word: "(tablets)",
"(placebo)", "antibody (CODE)" are not. This tool, run by a developer with the `lexicon` extra installed, writes
wordfreq's frequent English words of that length (letters only, Zipf frequency 1.5 or more, among its 100,000
most frequent), one per line, sorted and gzip-compressed. Same package version in, same bytes out
(tests/test_drug_inn_context.py).
"""
from __future__ import annotations

from pathlib import Path

from trialgraph.tools.reproducible import generator_main, gzip_bytes

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "lexicons" / "english_words.txt.gz"
TOP_WORDS = 100000
MIN_ZIPF = 1.5
MIN_LENGTH = 7  # the shortest word the INN-position cue judges (extractors/drugs.py)


def build_words() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    return sorted({w for w in top_n_list("en", TOP_WORDS)
                   if len(w) >= MIN_LENGTH and w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= MIN_ZIPF})


def render(words: list[str]) -> bytes:
    return gzip_bytes("".join(w + "\n" for w in words).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    return generator_main(argv, __doc__, DEFAULT_OUT, build_words, render, lambda words: f"{len(words)} English words")


if __name__ == "__main__":
    raise SystemExit(main())
