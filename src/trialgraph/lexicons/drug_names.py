"""Drug names from a public dictionary: INNs, brands and synonyms with their
canonical name and DrugBank id (drug_lexicon.tsv.gz, derived from the
`drug-named-entity-recognition` package by tools/gen_drug_lexicon.py).

Loaded once per process, on first use (about 0.1 s); matched by a token walk
with dictionary lookups, so a sentence costs a few microseconds.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FILE = "drug_lexicon.tsv.gz"
MAX_WORDS = 4
DRUGBANK = "https://go.drugbank.com/drugs/"

_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")
_JOINERS = frozenset(" -")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    surface: str
    canonical: str
    flag: str  # "g" generic, "b" brand, "c" generic that is also a common word, "y" a brand-list synonym in lower case

    @property
    def is_brand(self) -> bool:
        return self.flag == "b"


class DrugLexicon:
    def __init__(self, rows: list[tuple[str, str, str, str]]):
        # plain tuples, not Entry objects: 45,000 of them load in a third of the time
        self.entries: dict[str, tuple[str, str, str]] = {}
        self.ordinary: set[str] = set()
        suffixes = []
        for variant, flag, canonical, drugbank in rows:
            if flag == "x":
                self.ordinary.add(variant)
            elif flag == "s":
                suffixes.append(variant[1:])
            else:
                self.entries[variant] = (flag, canonical or variant, drugbank)
        # endings of INNs learnt from the dictionary, for names it does not list yet
        self.inn_suffixes: tuple[str, ...] = tuple(suffixes)
        split = re.compile(r"[ -]").split
        self.first_words = {split(v, 1)[0] for v, e in self.entries.items() if e[0] != "l"}

    def find(self, text: str) -> list[Hit]:
        """Dictionary names in text, longest first, not overlapping. A brand
        must be written capitalised: brands are proper nouns, and many are
        also words ("Focus") or fragments of other names when lower case."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            start = tokens[i][0]
            if text[start:tokens[i][1]].lower() not in self.first_words or _glued_before(text, start):
                i += 1
                continue
            hit = None
            synonym = None  # a lower-case synonym of several words ("nitrogen mustard"): used when nothing shorter is
            last = i
            for j in range(i, min(i + MAX_WORDS, len(tokens))):
                if j > i and not (tokens[j][0] - tokens[j - 1][1] == 1 and text[tokens[j - 1][1]] in _JOINERS):
                    break
                last = j
            for j in range(last, i - 1, -1):
                end = tokens[j][1]
                if _glued_after(text, end):
                    continue
                surface = text[start:end]
                entry = self.entries.get(surface.lower())
                if entry is None or entry[0] == "l":
                    continue
                if entry[0] == "b" and not surface[:1].isupper():
                    if synonym is None and j > i:
                        synonym = (j, Hit(start, end, surface, entry[1], "y"))
                    continue
                hit = Hit(start, end, surface, entry[1], entry[0])
                i = j
                break
            if hit is None and synonym is not None and not self._names_a_later_drug(text, tokens, i + 1, synonym[0]):
                i, hit = synonym
            if hit:
                hits.append(hit)
            i += 1
        return hits

    def _names_a_later_drug(self, text: str, tokens, first: int, last: int) -> bool:
        """Whether a word inside a synonym's span starts a name of its own ("ab piperacillin"): that name wins."""
        for k in range(first, last + 1):
            for m in range(last, k - 1, -1):
                entry = self.entries.get(text[tokens[k][0]:tokens[m][1]].lower())
                if entry is not None and entry[0] in "gc":
                    return True
        return False

    def drugbank_id(self, name: str) -> str | None:
        key = name.strip().lower()
        entry = self.entries.get(key) or self.entries.get(re.sub(r"[\s-]+", " ", key))
        return entry[2] if entry and entry[2] else None

    def is_brand(self, name: str) -> bool:
        entry = self.entries.get(name.strip().lower())
        return bool(entry) and entry[0] == "b" and name[:1].isupper()

    def canonical(self, name: str) -> str | None:
        entry = self.entries.get(name.strip().lower())
        return entry[1] if entry else None

    def is_ordinary_word(self, word: str) -> bool:
        """An English word that merely ends like an INN stem ("worsen"), or a
        generic name that is also a common word ("insulin"), which find()
        returns with flag "c" for the caller to judge in context."""
        word = word.lower()
        return word in self.ordinary or self.entries.get(word, ("",))[0] == "c"


def _glued_before(text: str, start: int) -> bool:
    # part of a longer token: "anti-X", "X" inside a code name, a word after a digit
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_/" and start > 1 and text[start - 2].isalnum()
                          and text[start - 1] != "/")


def _glued_after(text: str, end: int) -> bool:
    if end >= len(text):
        return False
    after = text[end]
    if after.isalnum() or after == "_":
        return True
    return after == "-" and end + 1 < len(text) and text[end + 1].isalnum() and not _COMPOUND.match(text, end)


# "x-based", "x-refractory": the drug x still named, in a compound adjective
_COMPOUND = re.compile(r"-(?:based|containing|treated|pretreated|refractory|resistant|naive|na\u00efve|exposed|eligible|"
                       r"ineligible|intolerant|induced|associated|related|experienced|sensitive)\b")


@lru_cache(maxsize=1)
def lexicon() -> DrugLexicon:
    raw = resources.files(__package__).joinpath(FILE).read_bytes()
    rows = [line.split("\t") for line in gzip.decompress(raw).decode("utf-8").splitlines()]
    return DrugLexicon(rows)  # type: ignore[arg-type]


def drugbank_iri(names) -> str | None:
    """The DrugBank IRI of the first of these names the dictionary knows."""
    table = lexicon()
    for name in names:
        found = table.drugbank_id(name)
        if found:
            return DRUGBANK + found
    return None
