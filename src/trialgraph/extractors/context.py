"""What the extractors of one release share: its sentences, what earlier
stages found, and small look-ups over both (where is a drug named, which
drug is a section about)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document, Extraction, ReleaseFact, Sentence
from ..normalize import ascii_punct
from .abbreviations import defined_abbreviations, written_out
from .drug_names import DrugNames
from ..normalize import name_key as _plain_name_key

_MEASURED_AGAINST = re.compile(r"\b(?:compared\s+(?:to|with)|vs\.?|versus|relative\s+to|than|beats?|beating|outperform(?:s|ed|ing)?)"
                               r"\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.I)


_PARTNER_BEFORE = re.compile(r"\b(?:combination\s+with|combined\s+with|together\s+with|on\s+top\s+of|added\s+to|plus)\s+(?:the\s+)?$", re.I)
# "Patients already taking Y at a stable dose may continue it": a background therapy the population keeps is not
# what "the drug" of the next sentence stands for
_BACKGROUND_BEFORE = re.compile(r"\b(?:already\s+(?:taking|receiving|on|treated\s+with)|background(?:\s+therapy)?\s+(?:of|with)|"
                                r"stable\s+doses?\s+of)\s+(?:[\w-]+\s+){0,2}$", re.I)


@dataclass(frozen=True)
class Mention:
    name: str  # the drug's in-release name (canonical within this release)
    start: int  # offsets within the sentence
    end: int


@dataclass
class Context:
    document: Document
    sentences: list[Sentence]
    extraction: Extraction
    # drug surface form (as written) -> in-release drug name
    drug_forms: dict[str, str] = field(default_factory=dict)
    drug_names: DrugNames | None = None
    # company surface form key -> company name
    company_forms: dict[str, str] = field(default_factory=dict)
    # a division the text says belongs to a company ("Acme Oncology, the oncology unit of
    # Acme Inc.") -> the parent's name: it owns no drugs of its own (GUIDE.md)
    divisions: dict[str, str] = field(default_factory=dict)
    issuer: str | None = None
    # (sentence index, start, end, trial local id) for every trial mention
    trial_mentions: list[tuple[int, int, int, str]] = field(default_factory=list)
    _main_drug: tuple[str | None] | None = None  # cached; reset when the drug index changes
    _texts: list[str | None] = field(default_factory=list)  # ascii_punct of each sentence, by index
    _facts: list[Sentence] | None = None  # the fact-stating sentences, computed once
    # drug mentions per text: stages ask again and again for the same sentences;
    # valid until the drug index changes (set_drugs)
    _mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    _abbreviations: dict[str, str] | None = None
    _long_forms: dict[str, str] | None = None

    def abbreviations(self) -> dict[str, str]:
        """Short forms the release defines ("respiratory syncytial virus (RSV)"): short -> long."""
        if self._abbreviations is None:
            self._abbreviations = defined_abbreviations(self.document.text)
        return self._abbreviations

    def long_forms(self) -> dict[str, str]:
        """The defined abbreviations, and disease acronyms whose words the release writes
        out elsewhere without defining them (what an indication's acronym is read as)."""
        if self._long_forms is None:
            defined = self.abbreviations()
            self._long_forms = {**written_out(self.document.text, defined), **defined}
        return self._long_forms

    @classmethod
    def start(cls, document: Document, sentences: list[Sentence]) -> "Context":
        release = ReleaseFact(document.doc_id, None, None, None, None)
        return cls(document, sentences, Extraction(document=document, release=release))

    def fact_sentences(self) -> list[Sentence]:
        if self._facts is None:
            self._facts = [s for s in self.sentences if s.zone.states_facts]
        return list(self._facts)  # a copy: callers may extend it

    def text(self, sentence: Sentence) -> str:
        """The sentence as extractors match it: markup blanked, dashes and quotes folded."""
        # Every stage asks for every sentence's text: fold each sentence once.
        index = sentence.index
        texts = self._texts
        if not texts:
            texts.extend([None] * len(self.sentences))
        if 0 <= index < len(texts) and self.sentences[index] is sentence:
            folded = texts[index]
            if folded is None:
                folded = texts[index] = ascii_punct(sentence.clean)
            return folded
        return ascii_punct(sentence.clean)

    # -- drugs -------------------------------------------------------------
    def set_drugs(self, forms: dict[str, str]) -> None:
        self._main_drug = None
        self._mentions = {}
        self.drug_forms = {_form_key(form): name for form, name in forms.items()}
        self.drug_names = DrugNames(forms) if forms else None

    def names_treatment(self, label: str) -> bool:
        """Whether a group's label is only its treatment: a drug ("the ACM-101 group") or drugs and placebo
        joined ("the ACM-101-plus-fulvestrant group", "placebo + fulvestrant"), the arm of a controlled trial."""
        parts = [p for p in _REGIMEN_JOIN.split(label) if p]
        return bool(parts) and all(_form_key(p) in self.drug_forms or p.lower() == "placebo" for p in parts) and (
            any(_form_key(p) in self.drug_forms for p in parts))

    def drugs_in(self, text: str) -> list[Mention]:
        if self.drug_names is None:
            return []
        known = self._mentions.get(text)
        if known is None:
            known = self._mentions[text] = tuple(self._find_drugs(text))
        return list(known)

    def _find_drugs(self, text: str) -> list[Mention]:
        found = []
        for start, end in self.drug_names.spans(text):
            name = self.drug_forms.get(_form_key(text[start:end]))
            if name:
                found.append(Mention(name, start, end))
        return found

    def section_drug(self, sentence: Sentence) -> str | None:
        if sentence.section:
            mentions = self.drugs_in(ascii_punct(sentence.section))
            if mentions:
                return mentions[0].name
        return None

    def main_drug(self) -> str | None:
        """The drug the release is about: named most often in headline and body."""
        if self._main_drug is None:
            self._main_drug = (self._count_main_drug(),)
        return self._main_drug[0]

    def _count_main_drug(self) -> str | None:
        counts: dict[str, int] = {}
        order: list[str] = []
        for sentence in self.fact_sentences():
            weight = 3 if sentence.zone.value in ("headline", "dateline") else 1
            text = self.text(sentence)
            for mention in self.drugs_in(text):
                if mention.name not in counts:
                    order.append(mention.name)
                # "X beats Y", "longer than the widely used drug Y": what the release's drug is measured against
                # is not what the release is about
                against = _MEASURED_AGAINST.search(text, max(0, mention.start - 60), mention.start)
                counts[mention.name] = counts.get(mention.name, 0) + (0 if against else weight)
        owned = {d.name for d in self.extraction.drugs if d.company}
        if not counts:
            return None
        return max(order, key=lambda name: (name in owned, counts[name], -order.index(name)))

    def heading_drug(self, sentence: Sentence) -> str | None:
        """The drug a body heading names for the lines under it ("BRV-3 (anti-TL1A antibody)"
        over its bullets, as business updates list their pipelines); a heading naming no drug
        ("Financial Results") closes the previous one's scope."""
        for earlier in reversed(self.sentences[: sentence.index]):
            if earlier.zone.value != sentence.zone.value:
                return None
            if earlier.is_heading:
                mentions = self.drugs_in(self.text(earlier))
                return mentions[0].name if mentions else None
        return None

    def previous_drug(self, sentence: Sentence) -> str | None:
        """What "the drug" or "it" refers to: the first drug named in the nearest earlier
        sentence of the paragraph that names one (its subject, as a reader takes it, rather
        than the ingredients or comparators named after it)."""
        for earlier in reversed(self.sentences[: sentence.index]):
            if earlier.paragraph != sentence.paragraph:
                break
            text = self.text(earlier)
            # "the combination with Y led to ...": a partner the subject is given with, not the subject
            mentions = [m for m in self.drugs_in(text) if not _PARTNER_BEFORE.search(text, max(0, m.start - 40), m.start)
                        and not _BACKGROUND_BEFORE.search(text, max(0, m.start - 60), m.start)]
            if mentions:
                return mentions[0].name
        return None


# Names are keyed again and again (every mention, every stage): normalise each once.
name_key = lru_cache(maxsize=65536)(_plain_name_key)


_REGIMEN_JOIN = re.compile(r"[\s-]+(?:plus|and|with)[\s-]+|\s*[+/]\s*", re.I)


def _form_key(text: str) -> str:
    return name_key(text)

