"""A conjugate's payload is no drug; standard-of-care agents listed with treatment classes are
(GUIDE.md "Drugs")."""
from __future__ import annotations

import pytest

from test_extractors import announce
from trialgraph.normalize import name_key


def drugs(*paragraphs: str) -> dict[str, object]:
    return {name_key(d.name): d for d in announce(*paragraphs).drugs}


@pytest.mark.parametrize("paragraph", [
    "ZX-101 is a TROP2 ADC that is endocytosed by tumor cells and releases ZX-9001 intracellularly. ZX-9001, as a "
    "topoisomerase I inhibitor, induces DNA damage.",
    "ZX-101 is conjugated to the payload, a topoisomerase inhibitor ZX-9001, through a cleavable linker.",
    "ZX-101 carries the cytotoxic ZX-9001 payload to tumor cells.",
])
def test_a_code_named_as_a_payload_is_not_a_drug(paragraph):
    found = drugs(paragraph + " ZX-101 is studied in a Phase 2 trial in patients with breast cancer.")
    assert "zx101" in found and "zx9001" not in found


def test_a_payload_word_near_a_studied_drug_keeps_it():
    found = drugs("ZX-101 pairs an antibody with a radioactive payload. ZX-101 is studied in a Phase 2 trial. "
                  "The company also develops ZX-202, which releases its payload in tumors; ZX-202 is in a Phase 1 study.")
    assert {"zx101", "zx202"} <= set(found)


def test_a_lower_case_synonym_listed_among_treatments_is_a_drug_without_owner():
    found = drugs("Patients often receive a cocktail of treatments, including steroids, UV therapy, chemotherapy or "
                  "nitrogen mustard.")
    assert "nitrogenmustard" in found and found["nitrogenmustard"].company is None


def test_a_lower_case_synonym_outside_a_treatment_context_is_not_a_drug():
    found = drugs("The trial site served a lunch of salad, bread and white mustard, then patients went home.")
    assert "whitemustard" not in found


def test_a_lower_case_synonym_does_not_swallow_the_generic_after_it():
    from trialgraph.lexicons.drug_names import lexicon

    text = "Patients were treated with ab piperacillin and tazobactam."
    assert lexicon().find(text)[0].surface.startswith("piperacillin")


@pytest.mark.parametrize("sentence, cells", [
    ("ZX-101 is being evaluated in combination with huZX-meso cells \u2013 cells manufactured from a patient's own "
     "white blood cells \u2013 in an investigator-sponsored study.", "huZX-meso cells"),
    ("ACM-101 is given plus QRV-19b cells in a Phase 1 study.", "QRV-19b cells"),
])
def test_a_cell_product_given_with_the_drug_is_a_partner_drug(sentence, cells):
    found = drugs(sentence)
    assert name_key(cells) in found
    if not any(c.isdigit() for c in cells):  # a name with no code in it is nobody's unless the text says so
        assert found[name_key(cells)].company is None


@pytest.mark.parametrize("sentence", [
    "ZX-101 is being evaluated in combination with CAR-T cells in a Phase 1 study.",
    "ZX-101 is being evaluated in combination with anti-CD19 CAR-T cells in a Phase 1 study.",
])
def test_generic_cell_types_are_not_drugs(sentence):
    assert not any(key.endswith("cells") for key in drugs(sentence))


def _owners(text: str, doc_id: str = "zentrix-news-2024-02-02") -> dict[str, object]:
    from trialgraph.extractors import extract
    from trialgraph.model import Document

    return {d.name: d.company for d in extract(Document(doc_id, doc_id + ".txt", text)).drugs}


@pytest.mark.parametrize("deal", [
    "Zentrix came by Zelquora through the company\u2019s $4 billion acquisition of the ADC specialist Quorvan in 2023.",
    "Zentrix acquired Quorvan in 2023.",
    "Quorvan, now part of Zentrix, discovered the ADC.",
])
def test_a_drug_of_a_company_the_subject_acquired_is_the_subjects(deal):
    text = ("Zentrix's blockbuster Zelquora wins a new approval\n\n"
            f"Zentrix's drug Zelquora was approved again. {deal} Lately Zelquora has been outshined by another ADC "
            "from the legacy Quorvan portfolio, the Nectin-4-targeted Velmorix. Velmorix is approved for bladder cancer, and sales of Velmorix reached $1 billion.\n")
    assert _owners(text)["Velmorix"] == "Zentrix"


def test_a_drug_of_a_company_someone_else_acquired_stays_with_its_owner():
    text = ("Zentrix's blockbuster Zelquora wins a new approval\n\n"
            "Zentrix's drug Zelquora was approved again. Borvex Bio, Inc. completed its acquisition of Quorvan in 2023. Rival Velmorix comes "
            "from the legacy Quorvan portfolio, the Nectin-4-targeted Velmorix. Velmorix is approved for bladder cancer, and sales of Velmorix reached $1 billion.\n")
    assert _owners(text).get("Velmorix") in ("Quorvan", None)


@pytest.mark.parametrize("sentence, code", [
    ("ZX-202 plus azacitidine and venetoclax showed a 60% response rate in the later Phase 1b study of the regimen.", "zx202"),
    ("Patients on ZX-202 and low-dose cytarabine were evaluated.", "zx202"),
    ("The company's product candidate, ZENTRA-7, is in a Phase 2 trial.", "zentra7"),
])
def test_a_code_given_with_a_known_drug_or_set_off_as_the_candidate_is_a_drug(sentence, code):
    assert code in drugs(sentence)


@pytest.mark.parametrize("word, expected", [
    ("tebentafusp-tebn", True), ("pegfilgrastim-jmdb", True), ("trastuzumab-dkst", True),
    ("peptide-drug", False), ("glucagon-like", False), ("first-line", False),
])
def test_a_biologics_four_letter_label_suffix(word, expected):
    from trialgraph.extractors.drugs import is_inn

    assert is_inn(word) is expected


@pytest.mark.parametrize("sentence, found_name", [
    ("The company is developing Zent 1143, an oral inhibitor, in a Phase 2 trial.", "zent1143"),
])
def test_a_mixed_case_code_set_off_as_a_drug_is_a_drug(sentence, found_name):
    assert found_name in drugs(sentence)


@pytest.mark.parametrize("sentence", [
    "Study 1143, a randomized trial of ACM-101, enrolled 40 patients.",
    "Table 2011, an overview of the drug candidates, is attached.",
])
def test_numbered_studies_and_tables_are_not_drugs(sentence):
    assert set(drugs(sentence)) == {"acm101"}


@pytest.mark.parametrize("sentence, name", [
    ("Patients previously received 177Lu-ZX-617 in the Phase 3 trial.", "177Lu-ZX-617"),
    ("ACM-101 was compared with [177Lu]Lu-ZXTA-TATE in patients with NETs.", "[177Lu]Lu-ZXTA-TATE"),
])
def test_a_radioligand_written_with_its_isotope_first_is_one_drug(sentence, name):
    found = drugs(sentence)
    assert name_key(name) in found
    assert not any(key != name_key(name) and key in name_key(name) for key in found if key != "acm101")


@pytest.mark.parametrize("sentence", ["Results at 12-Month follow-up were durable.", "The 2024-ABC meeting was held in June."])
def test_numbers_before_a_hyphen_are_no_isotope(sentence):
    assert set(drugs(sentence)) == {"acm101"}
