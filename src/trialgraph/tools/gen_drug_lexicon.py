"""Derive the shipped drug lexicon from the pinned drug dictionary.

    python -m trialgraph.tools.gen_drug_lexicon [-o src/trialgraph/lexicons/drug_lexicon.tsv.gz]

The PyPI package `drug-named-entity-recognition` (MIT) maps ~107,000 drug
name variants (INNs, brands, synonyms) to canonical names and DrugBank ids.
Loading its pickle takes seconds and importing its finder builds an n-gram
index, too slow for every build process; so this tool, run by a developer
with the `lexicon` extra installed, writes a compact, sorted, gzip-compressed
TSV that the extractor loads in a few tens of milliseconds (drug_lexicon.py).
Same package versions in, same bytes out (tests/test_extract_drugs.py).

Columns: variant (lower case), flag, canonical name, DrugBank id.
Flags:
  g  a generic name (INN or synonym): found in text in any case
  c  a generic name that is also a fairly common word ("insulin", "glucose"):
     found only next to a word that says a drug is meant
  b  a brand: found in text only when written capitalised (a proper noun)
  l  only for linking a name already found to its DrugBank id; never
     searched for (codes with digits, odd spellings, ordinary words)
  x  an ordinary English word that ends like an INN stem ("worsen"): never a drug
  s  (variant "-suffix") an ending shared by at least three of the dictionary's
     generic names and by no English word: how a new INN is recognised
     ("-nicline" of a smoking-cessation INN the dictionary does not list yet)
Which variants are safe to search for is decided by general rules, not by a
list of words: letters only, long enough, not one of the dictionary's own
stopwords, and not a frequent English word (wordfreq's Zipf frequency).
"""
from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from pathlib import Path

from trialgraph.tools.reproducible import generator_main, gzip_bytes

PACKAGE = "drug_named_entity_recognition"

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "lexicons" / "drug_lexicon.tsv.gz"

# A searchable variant: words of letters joined by spaces or hyphens, at most four words.
SEARCHABLE = re.compile(r"^[a-z][a-z']*(?:[ -][a-z][a-z']*){0,3}$")
MIN_LENGTH = 5
# Zipf frequency (log10 per billion words) above which a word is ordinary
# English: 4.0 keeps "insulin" (3.8) and drops "oxygen", "iron", "vitamin";
# brands are held to a stricter 3.0, since a brand that is also a word
# ("Focus", "Advance") is rarely meant as the drug in a press release.
GENERIC_MAX_ZIPF = 4.0
BRAND_MAX_ZIPF = 3.0
# Generic names between this and GENERIC_MAX_ZIPF are also words of biology
# ("glucose", "insulin resistance"): flag "c", kept only with a drug cue.
COMMON_ZIPF = 3.0
# English words ending like an INN stem that are ordinary words, not drugs.
STEM_WORD_MIN_ZIPF = 2.5
ENGLISH_WORDS = 60000
LINKABLE = re.compile(r"^[a-z0-9][a-z0-9 '/+.-]{1,60}$")


def _combination(name: str) -> str:
    """"a and b" / "a, b, and c" (how the dictionary names fixed-dose combinations) -> "a/b/c"."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", name)
    if len(parts) > 1 and all(re.fullmatch(r"[a-z][a-z-]+(?: [a-z][a-z-]+)?", p) for p in parts):
        return "/".join(parts)
    return name


def _package_folder() -> Path:
    # Located, not imported: the package's __init__ loads its pickle and builds
    # an n-gram index (seconds) that this tool does not need.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install -e '.[lexicon]'")
    return Path(list(spec.submodule_search_locations)[0])


def build_rows() -> list[tuple[str, str, str, str]]:
    from wordfreq import top_n_list, zipf_frequency

    folder = _package_folder()
    with bz2.open(folder / "drug_ner_dictionary.pkl.bz2") as handle:
        data = pickle.load(handle)  # noqa: S301 - the pinned package's own data file
    stopwords = _package_stopwords(folder)
    variant_to_canonical = data["drug_variant_to_canonical"]
    canonical_data = data["drug_canonical_to_data"]
    variant_data = data["drug_variant_to_variant_data"]
    stems = tuple(
        line.strip() for line in (Path(__file__).resolve().parent.parent / "lexicons" / "drug_stems.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )

    def frequency(word: str) -> float:
        return zipf_frequency(word, "en")

    rows: dict[str, tuple[str, str, str, str]] = {}
    for variant in sorted(variant_to_canonical):
        canonicals = sorted(set(variant_to_canonical[variant]))
        if len(canonicals) != 1:
            continue  # an ambiguous variant names no one drug
        canonical = canonicals[0]
        info = canonical_data.get(canonical, {})
        drugbank = info.get("drugbank_id", "") or ""
        key = variant.strip().lower()
        if not key or "\t" in key:
            continue
        first_word = key.split(" ", 1)[0]
        # a salt or form of a generic ("x mesylate", "x acetate") is generic too, not a brand
        generic = (key == canonical or variant_data.get(variant, {}).get("is_brand") is False
                   or (first_word != key and variant_to_canonical.get(first_word) == [canonical]))
        flag = "g" if generic else "b"
        words = re.split(r"[ -]", key)
        # Entries known only to MeSH are mostly classes, proteins and enzymes
        # ("protein kinases", "statins"); a medicine has a DrugBank, MedlinePlus,
        # NHS or Wikipedia page.
        medicine = any(info.get(field) for field in ("drugbank_id", "medline_plus_id", "nhs_url", "wikipedia_url"))
        searchable = (
            medicine
            and SEARCHABLE.match(key)
            and len(key.replace(" ", "")) >= MIN_LENGTH
            and words[0] not in stopwords and words[-1] not in stopwords
            and key not in stopwords
        )
        if searchable:
            limit = GENERIC_MAX_ZIPF if generic else BRAND_MAX_ZIPF
            if len(words) == 1:
                searchable = frequency(key) < limit
                if searchable and generic and frequency(key) >= COMMON_ZIPF:
                    flag = "c"
            else:  # "palm oil", "egg white": every word ordinary
                searchable = not all(frequency(w) >= GENERIC_MAX_ZIPF for w in words)
        if not searchable:
            if not drugbank or not LINKABLE.match(key):
                continue
            flag = "l"
        if first_word == key and re.fullmatch(r"[a-z]+-[a-z]{4}", key):
            first_word = key.split("-")[0]  # a biological's suffix ("x-abcd") names a form of x
        base = variant_to_canonical.get(first_word)
        if not drugbank and first_word != key and base and len(base) == 1 and canonical_data.get(base[0], {}).get("drugbank_id"):
            # a salt or form the dictionary gives no id of its own ("x acetate"):
            # the same drug as its base generic, as DrugBank files it
            canonical, drugbank = base[0], canonical_data[base[0]]["drugbank_id"]
        rows[key] = (key, flag, _combination(canonical), drugbank)
    first_words = {key.split()[0] for key in variant_to_canonical if key.strip()}
    for word in top_n_list("en", ENGLISH_WORDS):
        if (word.isalpha() and word.endswith(stems) and word not in rows and word not in first_words
                and frequency(word) >= STEM_WORD_MIN_ZIPF):
            rows[word] = (word, "x", "", "")
    for suffix in _inn_suffixes(rows, top_n_list, zipf_frequency):
        rows["-" + suffix] = ("-" + suffix, "s", "", "")
    return [rows[k] for k in sorted(rows)]


SUFFIX_LENGTHS = (5, 6, 7)
SUFFIX_MIN_NAMES = 3
SUFFIX_ENGLISH_WORDS = 200000
SUFFIX_ENGLISH_MIN_ZIPF = 1.0


def _inn_suffixes(rows, top_n_list, zipf_frequency) -> list[str]:
    names = [key for key, (_, flag, canonical, _) in rows.items() if flag == "g" and key == canonical]
    words = [key for key in names if key.isalpha()]  # one entry per name: a shared word counts per name
    for key in names:
        # two-word INNs of gene and cell therapies, as WHO names them: a "-gene"
        # word and a vector or cell word ("x-gene y-vec", "x-cabtagene y-leucel")
        parts = key.split(" ")
        if len(parts) == 2 and all(p.isalpha() for p in parts) and parts[0].endswith("gene"):
            words.extend(parts)
    generics = sorted(w for w in words if len(w) >= 7)  # with repeats
    english = [w for w in top_n_list("en", SUFFIX_ENGLISH_WORDS)
               if w.isalpha() and w not in rows and zipf_frequency(w, "en") >= SUFFIX_ENGLISH_MIN_ZIPF]
    kept = set()
    for length in SUFFIX_LENGTHS:
        counts: dict[str, int] = {}
        for name in generics:
            counts[name[-length:]] = counts.get(name[-length:], 0) + 1
        kept |= {suffix for suffix, n in counts.items() if n >= SUFFIX_MIN_NAMES}
    by_ending: dict[str, list[str]] = {}
    for word in english:  # words grouped by ending: one pass instead of suffixes x words
        for length in SUFFIX_LENGTHS:
            by_ending.setdefault(word[-length:], []).append(word)
    kept = {suffix for suffix in kept if suffix not in by_ending}
    # the shortest ending is enough: "-xyzab" covers "-wxyzab"
    return sorted(s for s in kept if not any(s != t and s.endswith(t) for t in kept))


def _package_stopwords(folder: Path) -> frozenset[str]:
    spec = importlib.util.spec_from_file_location("_drug_ner_util", folder / "util.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.stopwords)


def render(rows: list[tuple[str, str, str, str]]) -> bytes:
    return gzip_bytes("".join("\t".join(row) + "\n" for row in rows).encode("utf-8"))


def _variants_by_kind(rows: list[tuple[str, str, str, str]]) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[1]] = counts.get(row[1], 0) + 1
    return f"{len(rows)} variants {counts}"


def main(argv: list[str] | None = None) -> int:
    return generator_main(argv, __doc__, DEFAULT_OUT, build_rows, render, _variants_by_kind)


if __name__ == "__main__":
    raise SystemExit(main())
