"""The candidate model's features and its training tool (tools/candidate_features.py,
tools/train_candidate_model.py): generic features only, pure-Python inference,
reproducible fits, grouped cross-validation that never reads validation."""
from __future__ import annotations

import math

import pytest

from trialgraph.tools import candidate_features as cf

COMPANY_TEXTS = [
    ("dateline", "BOSTON, March 3, 2025 -- Zentrix Bio, Inc. (Nasdaq: ZTX) today announced a collaboration with Quorvan Labs."),
    ("body", "The study is run by the contract research organization Pellmark Research Ltd. at five sites."),
    ("about", "About Zentrix Bio Zentrix Bio is a clinical-stage company developing ZX-101."),
]
DRUG_TEXTS = [
    ("body", "Patients received ZX-101 at 10 mg once daily in the Phase 2 study."),
    ("body", "ZX-101 was well tolerated, and no patient stopped treatment with ZX-101."),
]


def test_features_describe_the_name_and_its_context_but_never_spell_it():
    features = cf.features("Zentrix Bio, Inc.", COMPANY_TEXTS)
    assert not any("zentrix" in f.lower() for f in features)
    assert {"suffix", "industry", "zone:dateline", "a:(", "mentions=1"} <= set(features)
    code = cf.features("ZX-101", DRUG_TEXTS + COMPANY_TEXTS)
    assert {"code", "digit", "hyphen", "b:received", "a:mg", "mentions=4"} <= set(code)
    assert not any("zx" in f.lower() for f in code)


def test_capitalised_context_words_are_folded_to_their_shape():
    features = cf.features("Quorvan Labs", COMPANY_TEXTS)
    assert "b1:with" in features and "b:collaboration" in features
    pellmark = cf.features("Pellmark Research Ltd.", COMPANY_TEXTS)
    assert "b:organization" in pellmark and not any("pellmark" in f.lower() for f in pellmark)


def test_probability_is_a_sigmoid_of_the_weights_present():
    weights = {cf.BIAS: -1.0, "suffix": 3.0, "b:organization": -4.0}
    assert cf.probability(weights, ["suffix"]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert cf.probability(weights, ["suffix", "b:organization"]) < 0.5 < cf.probability(weights, ["suffix", "unknown"])
    assert cf.probability({}, ["anything"]) == 0.5


def test_weights_round_trip_through_their_sorted_text():
    table = {"drug": {"code": 1.25, cf.BIAS: -0.5}, "company": {"suffix": 2.0, "b:organization": -1.5}}
    text = cf.render(table)
    assert cf.parse(text) == table
    assert text.splitlines()[1:] == sorted(text.splitlines()[1:])
    assert cf.render(cf.parse(text)) == text


def _invented(kind, name, texts, label, group, accepted=True):
    from trialgraph.tools.train_candidate_model import Candidate

    return Candidate(f"{group}-2025-01-01", group, kind, name, accepted, True, label, tuple(cf.features(name, texts)))


def test_a_model_fitted_on_invented_releases_rejects_a_supplier_and_accepts_a_drug_in_context():
    pytest.importorskip("sklearn")
    from trialgraph.tools.train_candidate_model import fit

    rows = []
    for n, group in enumerate(("aa", "bb", "cc", "dd")):
        partner, cro, code = f"Velmora{n} Therapeutics, Inc.", f"Trialwise{n} Research Ltd.", f"QX-{n}01"
        texts = [("body", f"The agreement with {partner} covers {code}."),
                 ("body", f"The contract research organization {cro} will run the study."),
                 ("body", f"Patients received {code} at 5 mg in the Phase 1 study."),
                 ("body", f"Enrollment opens in Region{n} next year.")]
        rows += [_invented("company", partner, texts, True, group), _invented("company", cro, texts, False, group),
                 _invented("drug", code, texts, True, group), _invented("drug", f"Region{n}", texts, False, group)]
    company, drug = fit(rows, "company", with_rules=False), fit(rows, "drug", with_rules=False)
    texts = [("body", "The contract research organization Pellmark Research Ltd. will run the trial."),
             ("body", "The agreement with Zentrix Bio, Inc. covers ZX-101; patients received ZX-101 at 10 mg.")]
    assert cf.probability(company, cf.features("Pellmark Research Ltd.", texts)) < 0.5
    assert cf.probability(company, cf.features("Zentrix Bio, Inc.", texts)) > 0.5
    assert cf.probability(drug, cf.features("ZX-101", texts)) > 0.5


def test_fitting_the_gold_is_reproducible_and_reads_no_validation(shared, tmp_path, monkeypatch):
    pytest.importorskip("sklearn")
    from trialgraph.tools import train_candidate_model as tool

    read = []
    original = tool.read_document
    monkeypatch.setattr(tool, "read_document", lambda path: read.append(path) or original(path))
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert tool.main(["--shared", str(shared), "--write", str(first)]) == 0
    assert tool.main(["--shared", str(shared), "--write", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    table = cf.parse(first.read_text(encoding="utf-8"))
    assert set(table) == {"company", "drug"} and all(cf.BIAS in w for w in table.values())
    assert read and all(p.parent.name in tool.CORPORA for p in read)


def test_issuers_are_the_file_names_before_the_date():
    from trialgraph.tools.train_candidate_model import group_of

    assert group_of("zentrix-bio-2025-02-10") == group_of("zentrix-bio-2019-12-12") == "zentrix-bio"
    assert group_of("000_0123abcd") == "000_0123abcd"
