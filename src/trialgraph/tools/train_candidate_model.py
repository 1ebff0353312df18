"""Fit a small model that scores entity candidates (tools/candidate_features.py) on the
gold, and measure by grouped cross-validation whether it adds anything to the rules.

    python -m trialgraph.tools.train_candidate_model                 # cross-validation table
    python -m trialgraph.tools.train_candidate_model --write W.tsv   # fit on all the gold, write weights

Candidates are the spans the extractors consider. Companies: the names the rules
accept, and the suffixed or grammar-marked names (companies.py, company_context.py)
they reject. Drugs: the names and aliases the rules accept, and the code-, brand-
and dictionary-shaped words they pass over. A candidate is positive when its name,
normalised by eval/score.py's norm_name, is a gold name or alias of that kind in that
release (or a form the resolver folds into one: a typo, a shorter form).

Cross-validation holds out all releases of an issuer at once (the file name before the
date), leave-one-issuer-out and 5 folds, and compares on the held-out releases:
  rules              what the extractors output;
  rules+model@t      companies the rules accept unless the model gives p < t (a veto),
                     drugs the rules accept plus those the model gives p >= t (a recovery);
                     fitted with the rules' decision as a feature;
  model@t            candidates the model alone gives p >= t, fitted without the rules' decision.
Only seeds, dev and train are read: validation stays unseen. Needs the `train` extra.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..extractors import PIPELINE
from ..extractors import company_context as grammar
from ..extractors.companies import NAME_WITH_SUFFIX, clean_company_name
from ..extractors.context import Context
from ..ingest import read_document
from ..segment import segment
from . import candidate_features as cf

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPORA = ("seeds", "dev", "train")
KINDS = ("company", "drug")
MIN_GROUPS = 3  # a feature must occur in releases of this many issuers to be learnt: no one release's wording
C = 1.0
THRESHOLDS = {"company": (0.1, 0.3, 0.5), "drug": (0.5, 0.8, 0.95)}
MODEL_THRESHOLDS = (0.3, 0.5, 0.7)


@dataclass(frozen=True)
class Candidate:
    doc: str
    group: str
    kind: str
    name: str
    accepted: bool  # the rules output it
    primary: bool  # the name a fact is output under, not an alias of one
    label: bool
    features: tuple[str, ...]  # generic features, then the rules' decision ("rule:...")


@lru_cache(maxsize=4)
def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def group_of(doc: str) -> str:
    """The issuer a release belongs to: its file name before the date."""
    return re.sub(r"-\d{4}-\d{2}-\d{2}$", "", doc)


def is_gold(key: str, forms: set[str]) -> bool:
    """A normalised name among an entity's gold forms, or one the resolver folds into them:
    a shorter form ("Acme, Inc." beside "Acme Biopharma Inc.") or a typo ("Acme Bioscienes")."""
    from rapidfuzz.fuzz import ratio

    return key in forms or (len(key) >= 4 and any(g.startswith(key) for g in forms)) or (
        len(key) >= 8 and any(ratio(key, g) >= 90 for g in forms))


# Drug-shaped words the rules may pass over: codes, camel-case and all-capitals words,
# capitalised words inside a sentence or before a trademark sign.
_DRUG_SHAPES = re.compile(
    r"(?<![\w/.@-])(?:[A-Z][A-Za-z]{0,5}-?\d{1,5}[A-Za-z]?(?:-[A-Za-z0-9]{1,6})?|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{3,10}"
    r"|[A-Z][a-z]{3,}(?=[®™])|(?<=[a-z,;:(] )[A-Z][a-z]{3,})(?![\w-])")
_GRAMMAR = (grammar.COUNTERPARTY, grammar.SPIN_OUT, grammar.POSSESSIVE, grammar.DEAL_SUBJECT, grammar.DEAL_PARTY,
            grammar.COMPANY_APPOSITIVE, grammar.RIGHTS_HOLDER, grammar.ACQUIRED)


def run_rules(path: Path) -> Context:
    document = read_document(path)
    ctx = Context.start(document, segment(document))
    for _, stage in PIPELINE:
        stage(ctx)
    return ctx


def texts_of(ctx: Context) -> list[tuple[str, str]]:
    return [(s.zone.value, ctx.text(s)) for s in ctx.fact_sentences()]


def company_candidates(ctx: Context, norm) -> dict[str, tuple[str, bool, bool]]:
    """normalised name -> (name, accepted by the rules, output under this name)."""
    out = {norm(c.name): (c.name, True, True) for c in reversed(ctx.extraction.companies)}
    for _, text in texts_of(ctx):
        raw = [clean_company_name(m.group("name")) for m in NAME_WITH_SUFFIX.finditer(text)]
        raw += [grammar._clean(m.group("name")) for pattern in _GRAMMAR for m in pattern.finditer(text)]
        for name in raw:
            if norm(name):
                out.setdefault(norm(name), (name, False, True))
    return out


def drug_candidates(ctx: Context, norm) -> dict[str, tuple[str, bool, bool]]:
    from ..lexicons.drug_names import lexicon

    out: dict[str, tuple[str, bool, bool]] = {}
    for drug in ctx.extraction.drugs:
        for form in (drug.name, *(a.name for a in drug.aliases)):
            out.setdefault(norm(form), (form, True, form == drug.name))
    companies = {norm(w) for c in ctx.extraction.companies for w in (c.name, *c.short_names, *c.name.split())}
    for _, text in texts_of(ctx):
        for name in [m.group(0) for m in _DRUG_SHAPES.finditer(text)] + [h.surface for h in lexicon().find(text)]:
            if norm(name) and norm(name) not in companies:
                out.setdefault(norm(name), (name, False, True))
    return out


def rule_features(ctx: Context, kind: str, name: str, accepted: bool) -> list[str]:
    out = ["rule:accepted"] if accepted else []
    company = next((c for c in ctx.extraction.companies if c.name == name), None) if kind == "company" else None
    if company is not None and company.ticker:
        out.append("rule:ticker")
    if company is not None and company.is_issuer:
        out.append("rule:issuer")
    return out


def gold_entities(shared: Path, corpora=CORPORA) -> dict[tuple[str, str], list[set[str]]]:
    """(doc, kind) -> the gold entities of that kind, each as its normalised name and aliases."""
    norm = scorer(shared).norm_name
    out: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    for corpus in corpora:
        for path in sorted((shared / "eval" / "gold" / corpus).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                if row.get("kind") in KINDS:
                    out[(row["doc"], row["kind"])].append({norm(row["name"]), *(norm(a) for a in row.get("aliases") or [])})
    return out


def collect(shared: Path = SHARED, corpora=CORPORA) -> list[Candidate]:
    """Every candidate of every release that has gold, labelled, in a fixed order."""
    norm = scorer(shared).norm_name
    gold = gold_entities(shared, corpora)
    candidates: list[Candidate] = []
    for corpus in corpora:
        for path in sorted((shared / "corpus" / corpus).glob("*.txt")):
            if not (shared / "eval" / "gold" / corpus / (path.stem + ".jsonl")).exists():
                continue
            ctx = run_rules(path)
            texts = texts_of(ctx)
            for kind, found in (("company", company_candidates(ctx, norm)), ("drug", drug_candidates(ctx, norm))):
                forms = set().union(*gold.get((path.stem, kind), [set()]))
                for key, (name, accepted, primary) in sorted(found.items()):
                    features = tuple(cf.features(name, texts)) + tuple(rule_features(ctx, kind, name, accepted))
                    candidates.append(Candidate(path.stem, group_of(path.stem), kind, name, accepted, primary,
                                                is_gold(key, forms), features))
    return candidates


def fit(candidates: list[Candidate], kind: str, *, with_rules: bool) -> dict[str, float]:
    """Logistic-regression weights over the features seen for at least MIN_GROUPS issuers."""
    from sklearn.linear_model import LogisticRegression

    rows = [c for c in candidates if c.kind == kind]
    feats = [[f for f in c.features if with_rules or not f.startswith("rule:")] for c in rows]
    groups: dict[str, set[str]] = defaultdict(set)
    for c, fs in zip(rows, feats):
        for f in fs:
            groups[f].add(c.group)
    vocabulary = sorted(f for f, seen in groups.items() if len(seen) >= MIN_GROUPS)
    index = {f: i for i, f in enumerate(vocabulary)}
    labels = [int(c.label) for c in rows]
    if len(set(labels)) < 2 or not vocabulary:
        return {}
    matrix = [[0.0] * len(vocabulary) for _ in rows]
    for row, fs in zip(matrix, feats):
        for f in fs:
            if f in index:
                row[index[f]] = 1.0
    model = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000).fit(matrix, labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocabulary, model.coef_[0]) if round(float(w), 4)}
    weights[cf.BIAS] = round(float(model.intercept_[0]), 4)
    return weights


def combined(kind: str, candidate: Candidate, p: float, threshold: float) -> bool:
    """Rules+model: a company the rules accept stays unless vetoed (a listed one always stays);
    a drug the rules pass over is added when the model is confident."""
    if kind == "company":
        return candidate.accepted and (p >= threshold or "rule:ticker" in candidate.features)
    return candidate.accepted or p >= threshold


def cross_validate(candidates: list[Candidate], gold: dict, folds: int | None, norm) -> dict[str, dict[str, list[int]]]:
    """kind -> system -> [tp, fp, fn] summed over the held-out folds (folds=None: one issuer per fold)."""
    groups = sorted({c.group for c in candidates})
    fold_of = {g: (i if folds is None else i % folds) for i, g in enumerate(groups)}
    results: dict[str, dict[str, list[int]]] = {}
    for kind in KINDS:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for fold in sorted(set(fold_of.values())):
            train = [c for c in candidates if fold_of[c.group] != fold]
            with_rules, alone = fit(train, kind, with_rules=True), fit(train, kind, with_rules=False)
            held = [c for c in candidates if fold_of[c.group] == fold and c.kind == kind and c.primary]
            for doc in sorted({c.doc for c in candidates if fold_of[c.group] == fold}):
                mine = [c for c in held if c.doc == doc]
                systems = {"rules": [c for c in mine if c.accepted]}
                for t in THRESHOLDS[kind]:
                    systems[f"rules+model@{t}"] = [c for c in mine if combined(kind, c, cf.probability(with_rules, c.features), t)]
                for t in MODEL_THRESHOLDS:
                    systems[f"model@{t}"] = [c for c in mine if cf.probability(alone, c.features) >= t]
                truth = gold.get((doc, kind), [])
                for system, chosen in systems.items():
                    keys = {norm(c.name) for c in chosen}
                    tp = sum(1 for entity in truth if any(is_gold(k, entity) for k in keys))
                    counts[system][0] += tp
                    counts[system][1] += sum(1 for k in keys if not any(is_gold(k, entity) for entity in truth))
                    counts[system][2] += len(truth) - tp
        results[kind] = dict(counts)
    return results


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus and gold (default: ../shared)")
    parser.add_argument("--write", type=Path, help="fit on all of seeds, dev and train and write the weights here")
    args = parser.parse_args(argv)
    candidates = collect(args.shared)
    if args.write:
        table = {kind: fit(candidates, kind, with_rules=True) for kind in KINDS}
        args.write.write_text(cf.render(table), encoding="utf-8")
        return 0
    norm = scorer(args.shared).norm_name
    gold = gold_entities(args.shared)
    print(f"{len(candidates)} candidates, {len({c.doc for c in candidates})} releases, "
          f"{len({c.group for c in candidates})} issuers")
    for folds in (None, 5):
        print(f"== {'leave one issuer out' if folds is None else f'{folds} folds by issuer'}")
        for kind, systems in cross_validate(candidates, gold, folds, norm).items():
            for system, (tp, fp, fn) in systems.items():
                p, r, f = prf(tp, fp, fn)
                print(f"{kind:<8} {system:<20} tp {tp:>4} fp {fp:>4} fn {fn:>4}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
