"""Features of an entity candidate for a small logistic model
(tools/train_candidate_model.py): the shape of the name, lexicon look-ups, the
lower-case words and marks around its mentions and the zones it stands in.
Never the name itself: a feature is a shape, a lexicon flag or an ordinary
word, so weights learnt from the gold carry no corpus names.

Inference is a sum of the weights of the features present and a sigmoid:
pure Python and deterministic, should an extractor ever use a fitted model.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .. import lexicons

BIAS = "bias"
WINDOW = 3

# a token is a word, a number or one punctuation mark; words keep inner hyphens and apostrophes
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:\.\d+)?|[^\sA-Za-z\d]")
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")
_SUFFIX_WORDS = frozenset(("inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
                           "lp", "plc", "ag", "sa", "se", "nv", "bv", "ab", "asa", "gmbh", "spa", "kk", "holdings"))
_INDUSTRY_WORDS = frozenset(("therapeutics", "pharmaceuticals", "pharmaceutical", "pharma", "biosciences", "bioscience",
                             "biotherapeutics", "biotech", "biotechnology", "biopharma", "biopharmaceuticals",
                             "biologics", "bio", "oncology", "medicines", "sciences", "laboratories", "labs",
                             "genetics", "genomics", "biomedical", "healthcare", "health", "vaccines", "international"))


def shape(name: str) -> list[str]:
    """Features of how a name is written (never what it says)."""
    words = name.split()
    lower = [w.lower().strip(".,") for w in words]
    out = [f"words={min(len(words), 4)}"]
    if lower and lower[-1] in _SUFFIX_WORDS:
        out.append("suffix")
    if any(w in _INDUSTRY_WORDS for w in lower):
        out.append("industry")
    if re.search(r"\d", name):
        out.append("digit")
    if "-" in name:
        out.append("hyphen")
    if re.fullmatch(r"[A-Z][A-Za-z]{0,5}-?\d{1,5}[A-Za-z]?", name) or re.fullmatch(r"[A-Z]{1,6}(?:-[A-Z0-9]+)+", name):
        out.append("code")
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters.isupper() and len(letters) > 1:
        out.append("allcaps")
    elif letters.islower():
        out.append("lower")
    if any(re.search(r"[a-z][A-Z]", w) for w in words):
        out.append("camel")
    out.append(f"len={min(len(letters) // 4, 4)}")
    return out


def lexicon_flags(name: str) -> list[str]:
    from ..lexicons.drug_names import lexicon

    drugs = lexicon()
    lower = name.lower()
    out = []
    if drugs.canonical(name):
        out.append("lex:brand" if drugs.is_brand(name) else "lex:drug")
    if lower in lexicons.disease_names():
        out.append("lex:disease")
    words = re.findall(r"[a-z]+", lower)
    if any(w in _not_company() for w in words):
        out.append("lex:not_company")
    if any(w in lexicons.cities() or w in lexicons.countries() or w in lexicons.states() for w in words):
        out.append("lex:place")
    if any(p.fullmatch(name) for p, _ in lexicons.agencies()):
        out.append("lex:agency")
    if words and all(drugs.is_ordinary_word(w) for w in words):
        out.append("lex:common")
    return out


@lru_cache(maxsize=1)
def _not_company() -> frozenset[str]:
    return frozenset(w.lower() for phrase in lexicons.not_company_words() for w in re.findall(r"[A-Za-z]+", phrase))


def mentions(texts: list[tuple[str, str]], name: str) -> list[tuple[str, str, int]]:
    """(zone, sentence text, start) of each whole-word mention of name."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    return [(zone, text, m.start()) for zone, text in texts if name in text for m in pattern.finditer(text)]


def context(zone: str, text: str, start: int, end: int) -> list[str]:
    """The zone and the ordinary words and marks within WINDOW tokens of one mention."""
    before = _TOKEN.findall(text[max(0, start - 80):start])[-WINDOW:]
    after = _TOKEN.findall(text[end:end + 80])[:WINDOW]
    out = [f"zone:{zone}"]
    if start == 0 or text[:start].strip() in ("", "-", "*", "•"):
        out.append("pos:first")
    if text.count('"') >= 2 or "“" in text:
        out.append("quote")
    out += [f"b:{_general(t)}" for t in before if _general(t)]
    out += [f"a:{_general(t)}" for t in after if _general(t)]
    if before:
        out.append(f"b1:{_general(before[-1]) or 'NAME'}")
    if after:
        out.append(f"a1:{_general(after[0]) or 'NAME'}")
    return out


def _general(token: str) -> str | None:
    """A token as a context feature: ordinary lower-case words and marks; capitalised words
    (names, sentence starts) are folded to their shape so no name becomes a feature."""
    if _LOWER_WORD.fullmatch(token):
        return token
    if token[:1].isdigit():
        return "NUM"
    if not token[:1].isalpha():
        return token if token in ",;:()'’\"“”-/." else None
    return None


def features(name: str, texts: list[tuple[str, str]]) -> list[str]:
    """All features of a candidate name in one release: shape, lexicons, and the union of
    its mentions' contexts, with the number of mentions bucketed."""
    found = mentions(texts, name)
    out = shape(name) + lexicon_flags(name)
    out.append(f"mentions={min(len(found), 4)}")
    seen: set[str] = set()
    for zone, text, start in found:
        seen.update(context(zone, text, start, start + len(name)))
    return sorted(set(out) | seen)


def probability(weights: dict[str, float], feats: list[str]) -> float:
    """The model's probability that a candidate with these features is an entity of its kind."""
    z = weights.get(BIAS, 0.0) + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def render(table: dict[str, dict[str, float]]) -> str:
    """Weights as sorted "kind<TAB>feature<TAB>weight" lines: the same fit gives the same bytes."""
    lines = ["# kind\tfeature\tweight: written by python -m trialgraph.tools.train_candidate_model --write"]
    for kind in sorted(table):
        for feature in sorted(table[kind]):
            lines.append(f"{kind}\t{feature}\t{table[kind][feature]:.4f}")
    return "\n".join(lines) + "\n"


def parse(text: str) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, feature, weight = line.split("\t")
            table.setdefault(kind, {})[feature] = float(weight)
    return table
