"""Domain lexicons shipped as package data: places, exchanges, agencies,
designation and endpoint phrasings, trial designs, drug-name stems, nicknames.

General domain knowledge only: no company, drug or person of any corpus.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in _lines(name)]  # type: ignore[misc]


@lru_cache(maxsize=None)
def states() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("states.tsv")}


@lru_cache(maxsize=None)
def cities() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("cities.tsv")}


@lru_cache(maxsize=None)
def regions() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("regions.tsv")}


@lru_cache(maxsize=None)
def countries() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("countries.tsv")}


@lru_cache(maxsize=None)
def exchanges() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("exchanges.tsv")}


@lru_cache(maxsize=None)
def nicknames() -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs("nicknames.tsv")}


@lru_cache(maxsize=None)
def agencies() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), code) for pattern, code in _pairs("agencies.tsv")]


def _compiled(name: str) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I), code) for pattern, code in _pairs(name)]


@lru_cache(maxsize=None)
def designation_types() -> list[tuple[re.Pattern, str]]:
    return [(pattern, code.split("\t")[0]) for pattern, code in _compiled("designations.tsv")]


def _designation_flags() -> list[tuple[str, set[str]]]:
    return [(pattern, set(code.split("\t")[1].split(",")) if "\t" in code else set())
            for pattern, code in _pairs("designations.tsv")]


@lru_cache(maxsize=None)
def designation_abbreviations() -> frozenset[str]:
    """The designation types' patterns that count only when written in capitals ("ODD", not "odd")."""
    return frozenset(pattern for pattern, flags in _designation_flags() if "caps" in flags)


@lru_cache(maxsize=None)
def designation_agencies() -> dict[str, str]:
    """Pattern -> the one agency that grants that programme ("Innovation Passport": MHRA)."""
    return {pattern: flag.split("=", 1)[1] for pattern, flags in _designation_flags() for flag in flags
            if flag.startswith("agency=")}


@lru_cache(maxsize=None)
def endpoints() -> list[tuple[re.Pattern, str]]:
    return _compiled("endpoints.tsv")


@lru_cache(maxsize=None)
def designs() -> list[tuple[re.Pattern, str]]:
    return _compiled("designs.tsv")


@lru_cache(maxsize=None)
def drug_stems() -> tuple[str, ...]:
    """INN endings: the project's own list (drug_stems.txt) and WHO's stem book (inn_stems.txt)."""
    return tuple(sorted(set(_lines("drug_stems.txt")) | set(_lines("inn_stems.txt")), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def common_drugs() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines("common_drugs.txt"))


@lru_cache(maxsize=None)
def not_company_words() -> tuple[str, ...]:
    return tuple(line.strip() for line in _lines("not_company_words.txt"))


@lru_cache(maxsize=None)
def disease_eponyms() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines("disease_eponyms.txt"))


@lru_cache(maxsize=None)
def regimens() -> re.Pattern:
    """Chemotherapy regimen acronyms (regimens.txt), as written."""
    names = sorted(_lines("regimens.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@lru_cache(maxsize=None)
def disease_names() -> frozenset[str]:
    """Disease names from the public disease dictionary (tools/gen_disease_lexicon.py), lower case."""
    raw = resources.files(__package__).joinpath("disease_names.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").splitlines())


@lru_cache(maxsize=None)
def world_regions() -> frozenset[str]:
    """Continents and market regions (world_regions.txt), lower case."""
    return frozenset(line.strip().lower() for line in _lines("world_regions.txt"))


@lru_cache(maxsize=None)
def exchange_suffixes() -> dict[str, str]:
    """Market-data suffix of a "TICKER.SUFFIX" listing ("HK", "SZ", "T") -> exchange (exchange_suffixes.tsv)."""
    return dict(_pairs("exchange_suffixes.tsv"))


@lru_cache(maxsize=None)
def field_words() -> frozenset[str]:
    """Words naming a field of medicine or science (field_words.txt), lower case."""
    return frozenset(line.strip().lower() for line in _lines("field_words.txt"))


@lru_cache(maxsize=None)
def english_words() -> frozenset[str]:
    """Frequent English words of seven letters or more (english_words.txt.gz, from wordfreq by tools/gen_english_words.py)."""
    raw = resources.files(__package__).joinpath("english_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())
