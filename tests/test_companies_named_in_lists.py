"""Companies named without a suffix as members of a list whose head says drug companies or
partners, or as the other side of a licence; ticker codes with an exchange suffix; divisions
written as the parent's name and a unit word (GUIDE.md "Companies")."""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document

BODY = "Zentrix Bio, Inc. (NASDAQ: ZTRX) today announced an update on ZX-101."


def _release(*paragraphs: str) -> str:
    return "\n\n".join(["Zentrix Bio Announces Update", f"BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- {BODY}",
                        *paragraphs]) + "\n"


def _companies(text: str):
    extraction = extract(Document("zentrix-2021-03-03", "zentrix-2021-03-03.txt", text))
    return {c.name: c for c in extraction.companies}


@pytest.mark.parametrize("sentence, members", [
    ("Zentrix has global partnerships with leading companies such as Acmevia, Borvex, Quorvan and Telmora.",
     {"Acmevia", "Borvex", "Quorvan", "Telmora"}),
    ("Zentrix entered into partnerships with numerous leading biotechnology and pharmaceutical companies, such as "
     "Borvex, Quorvan Labs, and Telmora, in addition to research relationships with Northgate University.",
     {"Borvex", "Quorvan Labs", "Telmora"}),
    ("Our partners include Borvex and Quorvan.", {"Borvex", "Quorvan"}),
    ("Zentrix has collaborations with Borvex, Quorvan and Telmora.", {"Borvex", "Quorvan", "Telmora"}),
    ("ZX-101 is licensed to Quorvan Labs in Japan.", {"Quorvan Labs"}),
])
def test_members_of_a_company_list_are_companies(sentence, members):
    assert members <= set(_companies(_release(sentence)))


@pytest.mark.parametrize("sentence, not_company", [
    ("Zentrix has partnerships with Europe and Asia distributors.", "Europe"),
    ("Zentrix has partnerships with Northgate University and Eastfield Cancer Center.", "Northgate University"),
    ("Zentrix has partnerships with the FDA and Health Canada.", "FDA"),
    ("Marketed drugs from companies such as Keytruda and Opdivo makers were compared.", "Keytruda"),
    ("ZX-101 is licensed to Quorvan in Greater China and Southeast Asia.", "Greater China"),
])
def test_places_agencies_institutions_and_products_in_a_list_are_not_companies(sentence, not_company):
    assert not_company not in _companies(_release(sentence))
