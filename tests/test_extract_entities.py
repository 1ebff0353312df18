"""Extractor tests for releases, companies and people on real-world layouts:
datelines as wires and archives write them, boilerplate that states no facts,
companies named without a suffix, people introduced title first.

Every name below is invented; none comes from the shared corpus.
"""
from __future__ import annotations

import pytest

from trialgraph.extractors import extract
from trialgraph.model import Document, Extraction


def run(text: str, doc_id: str = "acme-2021-03-03") -> Extraction:
    return extract(Document(doc_id, doc_id + ".txt", text))


BODY = "Acme Oncology, Inc. (NASDAQ: ACME) today announced a clinical update on zelatinib (ACM-101)."


# -- release date and place ------------------------------------------------
@pytest.mark.parametrize(
    "dateline, date, place",
    [
        ("WATERTOWN, Mass.--(BUSINESS WIRE)--February 10, 2021--", "2021-02-10", "Watertown, MA"),
        ("Plano, TX – April 2, 2021 – ", "2021-04-02", "Plano, TX"),
        ("TORONTO, ONTARIO - October 29, 2021 (NEWMEDIAWIRE) - ", "2021-10-29", "Toronto, Canada"),
        ("KELOWNA, BRITISH COLUMBIA - July 28, 2021 (NEWMEDIAWIRE) - ", "2021-07-28", "Kelowna, Canada"),
        ("EDMONTON, Alberta, Canada, May 4, 2021 /CNW/ -- ", "2021-05-04", "Edmonton, Canada"),
    ],
)
def test_dateline_forms(dateline, date, place):
    release = run(f"Acme Oncology Announces Update\n\n{dateline}{BODY}\n").release
    assert (release.date, release.location) == (date, place)


def test_dateline_buried_in_a_pasted_page():
    text = (
        "Acme Oncology Announces Update\n\n"
        "# Acme Oncology Announces Update ## News provided by Mar 3, 2021 ## Share this article Share toX ! "
        "BOSTON,Mar. 3, 2021/PRNewswire/ --Acme Oncology, Inc. today announced a clinical update. "
        "The company expects more data later this year.\n"
    )
    release = run(text, "acme-2021-03-05").release
    assert (release.date, release.location) == ("2021-03-03", "Boston, MA")


def test_undated_dateline_gives_the_place_and_the_file_name_the_date():
    text = "Acme Oncology Announces Update\n\nMarch 3, 2021 6:00 am ET BOSTON, Mass.----Acme Oncology today announced an update.\n"
    extraction = run(text, "acme-news-2021-03-03")
    assert (extraction.release.date, extraction.release.location) == ("2021-03-03", "Boston, MA")


@pytest.mark.parametrize("doc_id, date", [("acme-news-2021-03-09", "2021-03-09"), ("acme-news-2021-03-09-2", "2021-03-09"),
                                          ("acme-news-2021-02-30", None), ("acme-news", None)])
def test_no_dateline_takes_the_file_name_date_with_a_warning(doc_id, date):
    text = "Acme Oncology Reports Data\n\nAcme Oncology, Inc. reported data from its trial of zelatinib.\n"
    extraction = run(text, doc_id)
    assert extraction.release.date == date
    assert extraction.release.location is None
    if date:
        assert any("file name" in w for w in extraction.warnings)


def test_dateline_date_wins_over_file_name():
    text = f"Acme Oncology Announces Update\n\nBOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- {BODY}\n"
    assert run(text, "acme-2021-03-04").release.date == "2021-03-03"
