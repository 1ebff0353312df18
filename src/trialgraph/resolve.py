"""Entity resolution across the whole corpus: the one stage that sees every release.

Companies merge on a shared ticker, a name the release defines as their short
form, or a near-identical spelling; people on a nickname or middle initial;
drugs on aliases the releases state; trials on name, or phase and indication.
Every merge keeps its evidence: the variant, its kind and the reason.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import lexicons
from .extractors.companies import company_key
from .extractors.drugs import name_kind as _drug_kind
from .lexicons.drug_names import lexicon as drug_lexicon
from .extractors.people import person_key
from .extractors.text import population_words, similarity, tokens
from .model import Extraction
from .normalize import name_key, slug


# Extraction's alias relations -> the ontology's variant kinds.
VARIANT_KINDS = {
    "misspelling": "misspelling", "nickname": "nickname", "alias": "alias", "short_name": "short_name",
    "former": "former_name", "former_name": "former_name", "brand": "brand", "inn": "inn", "inn_suffix": "inn",
    "code": "code", "full_name": "alias", "middle_initial": "alias", "abbreviation": "alias",
}


@dataclass
class Merge:
    variant: str
    kind: str  # misspelling, nickname, alias, short_name, former_name, brand, inn, code, middle_initial
    reason: str
    docs: set[str] = field(default_factory=set)


@dataclass
class Entity:
    kind: str  # company, person, drug, organization, trial, cohort
    key: str  # canonical key; IRIs are minted from it
    label: str  # canonical name
    merges: dict[str, Merge] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)

    def merge(self, variant: str, kind: str, reason: str, doc: str) -> None:
        if variant == self.label:
            return
        kind = VARIANT_KINDS.get(kind, kind if kind in VARIANT_KINDS.values() else "alias")
        entry = self.merges.setdefault(variant, Merge(variant, kind, reason))
        entry.docs.add(doc)


@dataclass
class Resolution:
    companies: dict[str, Entity] = field(default_factory=dict)  # company surface name -> entity
    people: dict[str, Entity] = field(default_factory=dict)  # person_key -> entity
    drugs: dict[str, Entity] = field(default_factory=dict)  # name_key of any form -> entity
    trials: dict[tuple[str, str], Entity] = field(default_factory=dict)  # (doc, local id) -> entity
    organizations: dict[str, Entity] = field(default_factory=dict)

    def company(self, surface: str | None) -> Entity | None:
        if not surface:
            return None
        return self.companies.get(surface) or self.companies.get("key:" + company_key(surface))

    def drug(self, surface: str | None) -> Entity | None:
        return self.drugs.get(name_key(surface)) if surface else None

    def entities(self) -> list[Entity]:
        seen: dict[int, Entity] = {}
        for table in (self.companies, self.people, self.drugs, self.trials, self.organizations):
            for entity in table.values():
                seen.setdefault(id(entity), entity)
        return sorted(seen.values(), key=lambda e: (e.kind, e.key))


def resolve(extractions: list[Extraction], *, words: Counter | None = None, texts: Iterable[str] | None = None) -> Resolution:
    """words: word_counts() of the extractions' texts, when the caller keeps
    them (an incremental build: counting 10,000 texts took 0.4 s).
    texts: every release's text, when the extractions do not carry them
    (lowmem.py); read more than once, in any order."""
    ordered = sorted(extractions, key=lambda e: (e.release.date or "", e.document.doc_id))
    resolution = Resolution()
    _resolve_companies(ordered, resolution, words, texts)
    _resolve_people(ordered, resolution)
    _resolve_drugs(ordered, resolution)
    _resolve_trials(ordered, resolution)
    return resolution


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}
        self.reason: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.reason.setdefault(a, reason)
            self.reason.setdefault(b, reason)


def _resolve_companies(ordered: list[Extraction], resolution: Resolution, words: Counter | None,
                       corpus: Iterable[str] | None = None) -> None:
    forms: dict[str, list[tuple[str, object]]] = defaultdict(list)  # name -> [(doc, fact)]
    uf = _UnionFind()
    by_ticker: dict[str, str] = {}
    by_short: dict[str, str] = {}
    for extraction in ordered:
        for fact in extraction.companies:
            forms[fact.name].append((extraction.document.doc_id, fact))
            uf.find(fact.name)
            if fact.ticker:
                ticker = fact.ticker.upper()
                if ticker in by_ticker:
                    uf.union(by_ticker[ticker], fact.name, f"shares the ticker {ticker}")
                by_ticker.setdefault(ticker, fact.name)
            for short in fact.short_names:
                by_short.setdefault(company_key(short), fact.name)
    names = sorted(forms)
    texts = _TokenCounts(_Texts(ordered) if corpus is None else corpus, words,
                         candidates={_first(n) for n in names})
    keys = {name: company_key(name) for name in names}
    for name in names:
        if keys[name] in by_short and by_short[keys[name]] != name:
            uf.union(by_short[keys[name]], name, "written as the short name the release defines")
    formal_keys = {keys[name] for name in names if _has_suffix(name)}
    # the tickers each cluster is listed under: two spellings listed under different tickers
    # ("Zentrax Bio (NASDAQ: ZNTX)", "Zentrix Pharma (KOSDAQ: 123456)") are two companies
    listed: dict[str, set[str]] = defaultdict(set)
    for name in names:
        listed[uf.find(name)].update(f.ticker.upper() for _, f in forms[name] if f.ticker)
    for i, j in _candidate_pairs(names, keys):
        a, b = names[i], names[j]
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        if keys[a] == keys[b]:
            reason = "same name apart from corporate suffix"
        elif (_similar_company(a, b) and not _parent_and_subsidiary(a, b, keys, formal_keys)
              and len(listed[ra] | listed[rb]) <= 1):
            reason = "near-identical spelling"
        else:
            continue
        uf.union(a, b, reason)
        listed[uf.find(a)] = listed[ra] | listed[rb]
    clusters: dict[str, list[str]] = defaultdict(list)
    for name in names:
        clusters[uf.find(name)].append(name)
    for members in clusters.values():
        label = _canonical_company(members, forms, texts)
        entity = Entity("company", slug(company_key(label)) or slug(label), label)
        for member in members:
            resolution.companies[member] = entity
            resolution.companies["key:" + keys[member]] = entity
            if member != label:
                kind = "misspelling" if _first(member).lower() != _first(label).lower() else "alias"
                for doc, _ in forms[member]:
                    entity.merge(member, kind, uf.reason.get(member, "same company"), doc)
            for _, fact in forms[member]:
                for short in fact.short_names:
                    resolution.companies.setdefault("key:" + company_key(short), entity)


def _candidate_pairs(names: list[str], keys: dict[str, str]) -> list[tuple[int, int]]:
    """The pairs (i < j, in the order a loop over all pairs meets them) that
    can merge: same key, or first words within _similar_company's ratio. The
    all-pairs loop cost 925k comparisons at 10,000 releases; first words repeat
    across a company's spellings, so comparing distinct first words (in C) is
    far smaller. The order matters: a merge reason is the first one found."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_key[keys[name]].append(index)
        first = _first(name).lower()
        if len(first) >= 5:
            by_first[first].append(index)
    pairs: set[tuple[int, int]] = set()
    for group in by_key.values():
        pairs.update((a, b) for n, a in enumerate(group) for b in group[n + 1:])
    firsts = sorted(by_first)
    if firsts:
        scores = process.cdist(firsts, firsts, scorer=fuzz.ratio, score_cutoff=85, workers=1)
        for x, y in zip(*scores.nonzero()):
            if x <= y:
                for a in by_first[firsts[x]]:
                    pairs.update((min(a, b), max(a, b)) for b in by_first[firsts[y]] if a != b)
    return sorted(pairs)


def _parent_and_subsidiary(a: str, b: str, keys: dict[str, str], formal_keys: set[str]) -> bool:
    """"Acme Inc." and "Acme Nanotech, Inc." are two companies (a parent and its subsidiary):
    a name that is only the other's first word stays apart when the corpus gives it a formal
    name of its own."""
    short, long_ = (a, b) if len(keys[a]) <= len(keys[b]) else (b, a)
    if keys[short] != name_key(_first(short)) or keys[short] == keys[long_]:
        return False
    return keys[short] in formal_keys and _has_suffix(long_)


@lru_cache(maxsize=1 << 16)  # asked for every name, pair and cluster: 160k calls at 10,000 releases
def _first(name: str) -> str:
    return name.split()[0].strip(",") if name.split() else name


def _similar_company(a: str, b: str) -> bool:
    fa, fb = _first(a).lower(), _first(b).lower()
    if len(fa) < 5 or len(fb) < 5:
        return False
    if fuzz.ratio(fa, fb) < 85:
        return False
    rest_a, rest_b = company_key(a)[len(name_key(fa)):], company_key(b)[len(name_key(fb)):]
    return not rest_a or not rest_b or fuzz.ratio(rest_a, rest_b) >= 80


def _canonical_company(members: list[str], forms, texts: "_TokenCounts") -> str:
    def first_token_count(name: str) -> int:
        return texts.count(_first(name))

    # Counting only matters when members disagree on the first token; skipping it
    # otherwise keeps resolution linear in the corpus (the count scans every text).
    if len({_first(m) for m in members}) == 1:
        best_token = max(members)
    else:
        best_token = max(members, key=lambda n: (first_token_count(n), n))
    best_key = company_key(best_token)
    # the same first word, or the formal name that defines the short one ("Sichuan Acme Co., Ltd." ("Acme"))
    candidates = [m for m in members if _first(m).lower() == _first(best_token).lower()
                  or any(company_key(short) == best_key for _, fact in forms[m] for short in fact.short_names)]
    # GUIDE.md: the fullest formal name the corpus gives ("Acme and Company" over "Acme").
    return max(candidates, key=lambda n: (_has_suffix(n), len({d for d, _ in forms[n]}), _last_doc(forms[n]), len(n), n))


def _has_suffix(name: str) -> bool:
    return company_key(name) != name_key(name)


def word_counts(texts: Iterable[str]) -> Counter:
    """How often each maximal \\w+ run stands in these texts."""
    words: Counter = Counter()
    for text in texts:
        words.update(_WORD.findall(text))
    return words


_WORD = re.compile(r"\w+")


class _Texts:
    """The releases' texts, read (again) only when iterated: a release resolved
    from the graph state decodes its text on first use (graph_state.resolve_view),
    and most builds count in none of them."""

    def __init__(self, extractions: list):
        self._extractions = extractions

    def __iter__(self):
        return (e.document.text for e in self._extractions)


class _TokenCounts:
    """How often a token stands as a whole word in the corpus: the number of
    findall(r"\bTOKEN\b") over the texts, without one corpus scan per token.
    Word-character tokens come from word_counts(), built on first use unless
    given; the others ("Acme's") from one pass over the texts for all the
    candidates named up front, since a scan per token grows with companies x texts."""

    def __init__(self, texts: list[str], words: Counter | None = None, candidates: Iterable[str] = ()):
        self._texts = texts
        self._words = words
        self._pending = {t for t in candidates if not _WORD.fullmatch(t)}
        self._phrases: dict[str, int] = {}


    def count(self, token: str) -> int:
        if _WORD.fullmatch(token):
            if self._words is None:
                self._words = word_counts(self._texts)
            return self._words[token]
        if token not in self._phrases:
            self._pending.add(token)
            self._phrases.update(_phrase_counts(self._texts, self._pending))
            self._pending = set()
        return self._phrases[token]


def _phrase_counts(texts: list[str], tokens: set[str]) -> dict[str, int]:
    """findall(r"\bTOKEN\b") counts for every token, in one pass over the texts.
    A token that starts with a word character can only match where a maximal
    \w run equal to its leading run starts, so one scan finds those runs for
    all tokens at once; the rest of the token and its end boundary are checked
    there, and a match inside the previous one is skipped as findall does."""
    counts = dict.fromkeys(tokens, 0)
    by_head: dict[str, list[str]] = defaultdict(list)
    for token in sorted(tokens):
        head = _WORD.match(token)
        if head:
            by_head[head.group()].append(token)
        else:  # no word character to anchor on (rare): its own scan
            pattern = re.compile(r"\b" + re.escape(token) + r"\b")
            counts[token] = sum(len(pattern.findall(text)) for text in texts)
    if not by_head:
        return counts
    heads = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(by_head, key=len, reverse=True))) + r")\b")
    for text in texts:
        ends: dict[str, int] = {}
        for run in heads.finditer(text):
            start = run.start()
            for token in by_head[run.group()]:
                end = start + len(token)
                if start >= ends.get(token, 0) and text.startswith(token, start) \
                        and _word_char(token[-1]) != _word_char(text[end:end + 1]):
                    counts[token] += 1
                    ends[token] = end
    return counts


def _word_char(char: str) -> bool:
    return bool(char) and _WORD.match(char) is not None


def _last_doc(entries) -> str:
    """Tie-break on the latest release id, so a renamed company takes its newer name."""
    return max((fact.evidence.doc_id for _, fact in entries), default="")


def person_entity_key(name: str) -> str:
    """"Robert T. Smith" -> "robert smith". A nickname keys its own entity; _resolve_people points it
    at the formal name's entity when the corpus writes that name too."""
    return person_key(name)


def _resolve_people(ordered: list[Extraction], resolution: Resolution) -> None:
    # GUIDE.md: a nickname the text never expands stays as written, so "Bob Smith" becomes
    # "Robert Smith" only when some release names Robert Smith.
    written = {person_key(fact.name) for extraction in ordered for fact in extraction.people}
    for extraction in ordered:
        doc = extraction.document.doc_id
        for fact in extraction.people:
            plain = person_key(fact.name)
            first, *rest = plain.split()
            formal = lexicons.nicknames().get(first)
            formal_key = " ".join([formal.lower(), *rest]) if formal else None
            nicknamed = formal_key is not None and formal_key != plain and formal_key in written
            key = formal_key if nicknamed else plain
            entity = resolution.people.get(key)
            if entity is None:
                words = [w for w in fact.name.split()[1:] if not re.fullmatch(r"[A-Z]\.?", w)]
                label = " ".join([formal if nicknamed else fact.name.split()[0], *words])
                entity = Entity("person", slug(key), label)
                resolution.people[key] = entity
            resolution.people.setdefault(plain, entity)
            if nicknamed:
                entity.merge(fact.name, "nickname", f"{first.title()} is a short form of {formal}; same surname", doc)
            elif fact.name != entity.label:
                entity.merge(fact.name, "middle_initial", "same name apart from middle initials", doc)


def _resolve_drugs(ordered: list[Extraction], resolution: Resolution) -> None:
    uf = _UnionFind()
    docs_of: dict[str, set[str]] = defaultdict(set)
    written: dict[str, str] = {}
    relation: dict[str, str] = {}
    for extraction in ordered:
        doc = extraction.document.doc_id
        for fact in extraction.drugs:
            head = name_key(fact.name)
            written.setdefault(head, fact.name)
            docs_of[head].add(doc)
            uf.find(head)
            for alias in fact.aliases:
                key = name_key(alias.name)
                written.setdefault(key, alias.name)
                docs_of[key].add(doc)
                relation.setdefault(key, alias.relation)
                uf.union(head, key, f"stated as {alias.relation.replace('_', ' ')} in {doc}")
    # Names the drug dictionary files under one drug ("Brand" in one release,
    # its INN in another) are one drug.
    by_dictionary: dict[str, str] = {}
    for key in sorted(written):
        same = _dictionary_identity(written[key])
        if same:
            if same in by_dictionary:
                uf.union(by_dictionary[same], key, "same drug in the drug dictionary")
            else:
                by_dictionary[same] = key
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in sorted(written):
        clusters[uf.find(key)].append(key)
    kind_rank = {"code": 1, "inn": 2}
    for members in clusters.values():
        # most drugs go by one name: no ranking (name_kind's regexes for 28k names at 10,000 releases)
        best = members[0] if len(members) == 1 else max(
            members, key=lambda k: (len(docs_of[k]), kind_rank.get(_drug_kind(written[k]), 0), -len(written[k]), k))
        entity = Entity("drug", slug(written[best]), written[best])
        for key in members:
            resolution.drugs[key] = entity
            entity.aliases.add(written[key])
            if key != best:
                for doc in docs_of[key]:
                    entity.merge(written[key], relation.get(key, _drug_kind(written[key])), uf.reason.get(key, "alias"), doc)


def _dictionary_identity(name: str) -> str | None:
    table = drug_lexicon()
    return table.drugbank_id(name) or table.canonical(name)


def drug_names(entity: Entity | None) -> list[str]:
    """A drug entity's names, the canonical one first, in a fixed order."""
    return [entity.label, *sorted(entity.aliases - {entity.label})] if entity else []


def _resolve_trials(ordered: list[Extraction], resolution: Resolution) -> None:
    # drug key -> [(entity, drug, phase, name, indication)] in creation order; a
    # flat list scanned per trial grew with the square of the corpus.
    clusters: dict[str, list[tuple[Entity, str, str | None, str | None, str]]] = defaultdict(list)
    words_of: dict[str, frozenset[str]] = defaultdict(frozenset)  # trial key -> specific population words
    for extraction in ordered:
        doc = extraction.document.doc_id
        # studies a release tells apart stay apart, unless an earlier release's study is what both
        # descriptions match (then the other releases say they are one): only this release's new
        # studies are closed to its other trials
        taken: set[str] = set()
        for trial in sorted(extraction.trials, key=lambda t: (t.name is None, t.local_id)):
            drug = resolution.drug(trial.drug)
            drug_key = drug.key if drug else slug(trial.drug)
            match = _find_trial(clusters, drug_key, trial, taken)
            if match is None:
                if trial.name:
                    key = f"{drug_key}/{slug(trial.name)}"
                else:
                    indication = "-".join(sorted(tokens(trial.indication or "")))[:40] or "unspecified"
                    key = f"{drug_key}/phase-{slug(trial.phase or 'na')}-{slug(indication)}"
                label = trial.name or f"Phase {trial.phase or '?'} trial of {drug.label if drug else trial.drug}" + (
                    f" in {trial.indication}" if trial.indication else "")
                entity = Entity("trial", key, label)
                clusters[drug_key].append((entity, drug_key, trial.phase, trial.name, trial.indication or ""))
                match = entity
                taken.add(match.key)
            resolution.trials[(doc, trial.local_id)] = match
            words_of[match.key] |= _population_words(trial.indication)
    _join_restated_studies(clusters, resolution, words_of)


_population_words = population_words


def _join_restated_studies(clusters, resolution: Resolution, words_of) -> None:
    """Releases describe one study in many ways: "the Phase 2 study in multiple myeloma and
    other hematologic malignancies" is the Phase 2 study a later release calls by its name.
    Within one drug and phase, descriptions whose populations share a specific word are
    one study, and take the study's name when exactly one name is given; two studies named
    differently, or named in the same release, stay apart."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    for (doc, _), entity in resolution.trials.items():
        docs_of[entity.key].add(doc)
    for drug_key in sorted(clusters):
        members = clusters[drug_key]
        by_phase: dict[str | None, list[int]] = defaultdict(list)
        for index, member in enumerate(members):
            by_phase[member[2]].append(index)
        for phase, indices in sorted(by_phase.items(), key=lambda item: item[0] or ""):
            if phase is None:
                continue
            groups = _study_groups([members[i] for i in indices], docs_of, words_of)
            for group in groups:
                named = [m for m in group if m[3]]
                target = named[0][0] if named else min((m[0] for m in group), key=lambda e: e.key)
                for member in group:
                    if member[0] is not target:
                        _redirect(resolution, member[0], target)


def _study_groups(members, docs_of, words_of) -> list[list]:
    words = [words_of[m[0].key] for m in members]
    groups: list[list[int]] = []
    for index in range(len(members)):
        placed = False
        for group in groups:
            if not words[index]:
                break
            names = {name_key(members[i][3]) for i in group if members[i][3]}
            if members[index][3] and names and name_key(members[index][3]) not in names:
                continue
            shares = any(words[index] & words[i] for i in group)
            overlap = any(docs_of[members[index][0].key] & docs_of[members[i][0].key] for i in group)
            if shares and not overlap:
                group.append(index)
                placed = True
                break
        if not placed:
            groups.append([index])
    return [[members[i] for i in group] for group in groups if len(group) > 1]


def _redirect(resolution: Resolution, old, new) -> None:
    for key, entity in list(resolution.trials.items()):
        if entity is old:
            resolution.trials[key] = new


_similarity = lru_cache(maxsize=1 << 16)(similarity)  # indications repeat across a drug's trials


def _specific_similarity(a: str, b: str) -> float:
    """Similarity of two populations on their specific words: "cancer" and "head and neck
    cancer" share only a word every population has, so they are not known to be one."""
    wa, wb = _population_words(a), _population_words(b)
    if not wa and not wb:
        return _similarity(a, b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _find_trial(clusters, drug_key: str, trial, taken: frozenset[str] | set[str] = frozenset()) -> Entity | None:
    same_drug = clusters.get(drug_key, ())
    if trial.name:
        for entity, _, _, name, _ in same_drug:
            if name and name_key(name) == name_key(trial.name):
                return entity
    candidates = [c for c in same_drug if c[2] == trial.phase and trial.phase and (not trial.name or not c[3])
                  and c[0].key not in taken]
    if not candidates:
        return None
    scored = sorted(((_specific_similarity(trial.indication or "", c[4]), i) for i, c in enumerate(candidates)), reverse=True)
    score, index = scored[0]
    return candidates[index][0] if score >= 0.5 else None
