"""Phrasings of international and non-oncology releases found by the held-out intl set
(tests/heldout_intl), written anew with invented names: listings that share their parenthetical
with a defined term, exchanges named in full, and other constructions of European and Asian issuers."""
from __future__ import annotations

import pytest

from test_extractors import make_release, run, same


@pytest.mark.parametrize(
    "opening,ticker,exchange",
    [
        ('Zentrix Pharma Co., Ltd. (TSE: 4590, "Zentrix") today announced a corporate update.', "4590", "TSE"),
        ('Zentrix Pharma Co., Ltd. ("Zentrix" or the "Company", HKEX: 2288), a vaccine company, announced today a '
         'corporate update.', "2288", "HKEX"),
        ('Zentrix Pharma Co., Ltd. (the "Company", SIX: ZNTX) today announced a corporate update.', "ZNTX", "SIX"),
    ],
)
def test_a_listing_beside_a_defined_term_still_gives_ticker_and_exchange(opening, ticker, exchange):
    companies = run(make_release(opening)).companies
    zentrix = [c for c in companies if same(c.name, "Zentrix Pharma Co., Ltd.")]
    assert [(c.ticker, c.exchange) for c in zentrix] == [(ticker, exchange)]


def test_an_exchange_named_in_full_before_its_listing_is_no_company():
    about = ("About Zentrix Pharma\n\nZentrix Pharma Co., Ltd. is a neuroscience company. Its shares are listed on "
             "the Prime Market of the Tokyo Stock Exchange (TSE: 4590).")
    extraction = run(make_release('Zentrix Pharma Co., Ltd. (TSE: 4590) today announced a corporate update.', about=about))
    names = {c.name for c in extraction.companies}
    assert not any("Stock Exchange" in name for name in names)
    assert [(c.ticker, c.exchange) for c in extraction.companies if same(c.name, "Zentrix Pharma Co., Ltd.")] == [("4590", "TSE")]


# -- designations of several agencies in one release --------------------------------------------------

from test_extractors import announce, designations  # noqa: E402


def test_a_programme_of_one_agency_keeps_it_in_a_list_of_several_agencies_grants():
    ex = announce("ACM-101 previously received orphan designation from the European Commission in 2023, and an "
                  "Innovation Passport under the Innovative Licensing and Access Pathway (ILAP) from the MHRA in "
                  "October 2025.")
    got = designations(ex)
    assert ("orphan_drug", "EC", None, "2023") in got
    assert ("other", "MHRA", None, "2025-10") in got
    assert not any(t == "other" and agency == "EC" for t, agency, _, _ in got)


def test_a_quotation_naming_granted_designations_adds_no_indication():
    ex = announce("The FDA has granted RMAT designation to ACM-101 for the treatment of Zentrix syndrome.",
                  "\u201cReceiving RMAT within the quarter shows that regulators see the urgency of treating children "
                  "with Zentrix syndrome before decline sets in,\u201d said Dr. Mara Okonkwo, Chief Executive Officer.")
    got = [d for d in designations(ex) if d[0] == "rmat"]
    assert got == [("rmat", "FDA", "zentrix syndrome", None)]


# -- responder rates in the passive --------------------------------------------------------------------

from test_extractors import results  # noqa: E402


def test_a_response_achieved_or_observed_in_a_share_of_patients_is_a_rate():
    ex = announce("The Phase 2 HARBOR trial of ACM-101 enrolled 40 patients with Zentrix syndrome.",
                  "In Cohort 2 (n=8), the overall response rate was 75%, and complete responses were achieved in 50% "
                  "of patients.", "Partial responses were observed in 30% of patients.")
    assert {("ORR", 75, None, "%", "2", False), ("CR", 50, None, "%", "2", False), ("PR", 30, None, "%", None, False)} \
        <= results(ex)


def test_a_mean_change_observed_in_a_score_is_no_result():
    ex = announce("The Phase 2 HARBOR trial of ACM-101 enrolled 40 patients with Zentrix syndrome.",
                  "A mean improvement of 18.4 minutes in sleep latency was observed in the high-dose cohort.")
    assert not results(ex)


# -- how often a dose cohort is dosed ----------------------------------------------------------------

from test_extractors import TRIAL as ACME_TRIAL  # noqa: E402


@pytest.mark.parametrize("schedule,regimen", [
    ("subcutaneous ACM-101 every three months", "multiple"),
    ("ACM-101 10 mg or 20 mg once daily", "multiple"),
    ("ACM-101 by a single intravenous infusion", "single"),
])
def test_a_schedule_stated_for_the_study_sets_the_dose_cohorts_regimen(schedule, regimen):
    ex = announce(ACME_TRIAL, f"Patients received {schedule} in one of two dose cohorts: the 10 mg cohort and the 20 mg cohort.")
    cohorts = {c.label: c for c in ex.cohorts}
    assert cohorts["10 mg"].regimen == regimen and cohorts["20 mg"].regimen == regimen


# -- a study's population written as the release's own abbreviation ---------------------------------


def _trials(ex):
    return {(t.phase, t.name, t.indication) for t in ex.trials}


def test_a_planned_study_in_an_abbreviated_disease_keeps_that_population():
    ex = announce("The Phase 2 HARBOR trial of ACM-101 enrolled 24 patients with Zentrix familial lipodystrophy (ZFL).",
                  "Acme expects to start the pivotal Phase 3 HARBOR-3 trial in ZFL in mid-2026, and a Phase 2 study of "
                  "ACM-101 in severe hypertriglyceridaemia is planned.")
    assert ("3", "HARBOR-3", "Zentrix familial lipodystrophy (ZFL)") in _trials(ex)


def test_an_abbreviation_heading_a_list_of_indications_is_no_study_population():
    ex = announce("ACM-101 is being developed for Zentrix familial lipodystrophy (ZFL), Korrin syndrome (KS) and "
                  "Valdor disease (VD). Having completed its Phase 1 single ascending dose study, it is ready to advance.",
                  "Acme is progressing ACM-101 for ZFL, KS and VD.")
    assert [t.indication for t in ex.trials if t.phase == "1"] == [None]


# -- datelines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("dateline,location", [
    ("LEIDEN, the Netherlands, 5 May 2026 -- ", "Leiden, Netherlands"),
    ("LONDON, the United Kingdom, 5 May 2026 -- ", "London, United Kingdom"),
])
def test_a_dateline_country_with_its_article(dateline, location):
    ex = run(make_release("Acme Oncology, Inc. today announced a corporate update.", dateline=dateline))
    assert (ex.release.date, ex.release.location) == ("2026-05-05", location)
