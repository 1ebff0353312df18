"""sentence_spans.py must find exactly the sentences syntok finds: it replaces
syntok in segmentation for speed only."""
from __future__ import annotations

import random

import pytest

from trialgraph import sentence_spans as module
from trialgraph.ingest import read_document
from trialgraph.normalize import clean_markup
from trialgraph.sentence_spans import _syntok_spans, sentence_spans

# Words and marks syntok treats specially: abbreviations, sentence starters, months,
# numbers, roman numerals, single letters, contractions, case changes inside a word,
# brackets (ASCII and full-width), terminals, closing quotes, hyphens, spaces.
PIECES = ["The", "the", "A", "a", "Dr", "Inc", "Corp", "No", "no", "5", "123", "2024", "Jan", "Mar", "Sept", "II", "IV",
          "x", "b", "e", "However", "It", "patients", "ZX-101", "don't", "can't", "U.S.", "e.g.", "i.e.", "vs", "iPhone",
          "McDonald", "ß", "Étude", "über", "(", ")", "[", "]", "{", "}", ".", "..", "...", "!", "?", ";", ":", ",",
          "'", '"', "’", "”", "“", "-", "–", "_", "/", "%", "$", "\u00ad", "\u3002", "\uff08", "\uff09", "\u200b",
          "Ⅳ", "²", "½", "n't", "1.5", "No.", "Fig."]
SPACES = [" ", " ", " ", "", "", "\n", "\n\n", "  ", "\t", "\u00a0", "\r\n", "\n \n"]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(PIECES) + rng.choice(SPACES) for _ in range(rng.randint(1, 60)))
        texts.append(" " * rng.randint(0, 2) + text)
    return texts


def _corpus_texts(shared) -> list[str]:
    texts = []
    for folder in ("seeds", "dev", "train", "real"):
        for path in sorted((shared / "corpus" / folder).glob("*.txt")):
            clean = clean_markup(read_document(path).text)
            texts.append(clean)
            texts += [p for p in clean.split("\n") if p.strip()]
    return texts


@pytest.mark.skipif(not module._ported(), reason="another syntok version: sentence_spans is syntok itself")
def test_spans_are_syntoks_on_the_corpus(shared):
    texts = _corpus_texts(shared)
    assert len(texts) > 1000
    for text in texts:
        assert sentence_spans(text) == _syntok_spans(text), text[:200]


@pytest.mark.skipif(not module._ported(), reason="another syntok version: sentence_spans is syntok itself")
def test_spans_are_syntoks_on_random_text():
    for text in _random_texts(5000, seed=17):
        assert sentence_spans(text) == _syntok_spans(text), repr(text)


@pytest.mark.skipif(not module._ported(), reason="another syntok version: sentence_spans is syntok itself")
def test_spans_are_syntoks_on_mutated_corpus_paragraphs(shared):
    rng = random.Random(3)
    paragraphs = [p for p in _corpus_texts(shared) if "\n" not in p]
    for paragraph in rng.sample(paragraphs, 1500):
        words = paragraph.split(" ")
        for _ in range(3):  # glue, split and bracket words: the tokenizer's and the bracket rules' cases
            i = rng.randrange(len(words))
            words[i] = rng.choice(["(" + words[i], words[i] + ")", words[i] + ".", words[i].upper(), words[i][:1]])
        text = rng.choice([" ", "", "  "]).join(words)
        assert sentence_spans(text) == _syntok_spans(text), repr(text)


def test_examples_of_syntoks_decisions():
    text = "Dr. Mara Okonkwo joined Zentrix Bio Inc. in Jan. 2024. The trial (ZX-101, n=40) met its goal. It ended."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Dr. Mara Okonkwo joined Zentrix Bio Inc. in Jan. 2024.",
        "The trial (ZX-101, n=40) met its goal.",
        "It ended.",
    ]
    assert sentence_spans("") == ()
    assert sentence_spans("First.\n\nSecond") == ((0, 6), (8, 14))


def test_clean_markup_blanks_exactly_its_table():
    """clean_markup blanks with one character class: exactly the characters of its table, none printable."""
    from trialgraph.normalize import _BLANKABLE, _BLANKED, clean_markup

    assert all(not chr(code).isprintable() for code in _BLANKED)
    assert all((_BLANKABLE.fullmatch(chr(code)) is not None) == (code in _BLANKED) for code in range(0x110000))
    text = "Zentrix\u00a0Bio **ZX-101**\x0c a_b\r\n\tend"
    assert clean_markup(text) == "Zentrix Bio   ZX-101    a_b \n\tend"


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, plain) of each run the tokenizer's pattern finds."""
    runs, end = [], 0
    for space, plain, other in module._SPACED_RUNS.findall(text):
        start = end + len(space)
        end = start + len(plain or other)
        runs.append((start, end, bool(plain)))
    return runs


def test_runs_are_syntoks_runs_of_non_space():
    """The tokenizer's `re` pattern finds the runs syntok's `regex` pattern finds, on every code point,
    and calls plain (one token, no further splitting) exactly syntok's plain words."""
    import regex

    syntok_runs = regex.compile(r"[^\s\u200b]+", regex.UNICODE)
    for code in range(0x110000):
        text = f" a{chr(code)}b c{chr(code)}"
        assert [r[:2] for r in _runs(text)] == [m.span() for m in syntok_runs.finditer(text)], hex(code)
    rng = random.Random(11)
    alphabet = "aZ09bY"
    for _ in range(20000):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        plain = run.isalnum() and (run.islower() or run.isupper() or run[1:].islower() or run.isdigit())
        assert _runs(run) == [(0, len(run), plain)], run
