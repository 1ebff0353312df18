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
