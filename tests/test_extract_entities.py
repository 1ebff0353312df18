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
        ("CAMBRIDGE, Mass. & BOSTON--(BUSINESS WIRE)--Feb. 3, 2021-- ", "2021-02-03", "Cambridge, MA"),
        ("VANCOUVER, British Columbia--(BUSINESS WIRE)--Feb. 3, 2021-- ", "2021-02-03", "Vancouver, Canada"),
        ("SAN DIEGO, CA, USA - February 3, 2021 - ", "2021-02-03", "San Diego, CA"),
        ("MONTREAL, QC, Feb. 3, 2021 /CNW/ - ", "2021-02-03", "Montreal, Canada"),
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


# -- what yields no facts ----------------------------------------------------------
def _release(*paragraphs: str) -> str:
    return "\n\n".join(["Acme Oncology Announces Update", f"BOSTON, Mass., March 3, 2021 (GLOBE NEWSWIRE) -- {BODY}",
                        *paragraphs]) + "\n"


def _company_names(extraction: Extraction) -> set[str]:
    return {c.name for c in extraction.companies}


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Disclaimer\n\nKestrel Media Inc. was paid $1,500 by Borvane Pharma Inc. to publish this article.",
        "Featured photo by Lena Quist on Unsplash, courtesy of Borvane Pharma Inc.",
        "View the original release on www.example-wire.com, with thanks to Borvane Pharma Inc.",
        "The post Acme Reports Data appeared first on Borvane Pharma Inc.'s news site.",
        "Recent News Highlights\n\nBorvane Pharma Inc. Announces Record Quarter",
        "About ExampleWire\n\nExampleWire is a specialized communications platform for Borvane Pharma Inc. and other issuers.",
    ],
)
def test_footers_blurbs_and_captions_state_no_companies(boilerplate):
    names = _company_names(run(_release(boilerplate)))
    assert "Borvane Pharma Inc." not in names and "Kestrel Media Inc." not in names
    assert "Acme Oncology, Inc." in names


def test_a_byline_does_not_end_the_body():
    text = ("Acme Oncology Reports Data\n\nBy Lena Quist, Examplewire\n\n"
            "Acme Oncology, Inc. reported data from its partnership with Borvane Pharma Inc.\n")
    assert {"Acme Oncology, Inc.", "Borvane Pharma Inc."} <= _company_names(run(text))


# -- companies: which organisations count -------------------------------------------
@pytest.mark.parametrize(
    "sentence, not_company",
    [
        ("The equity facility is provided by Kestrel Capital Partners LLC.", "Kestrel Capital Partners LLC"),
        ("Borvane merged with Moorland Acquisition Corp last year.", "Moorland Acquisition Corp"),
        ("The transfer agent changed from Oakfield Trust Company to Pinegate Trust Corporation.", "Oakfield Trust Company"),
        ("Data were presented at the European Society of Medical Oncology congress.", "Medical Oncology"),
        ("The study is run at Westbrook Health and Northgate Health sites.", "Westbrook Health"),
        ("Investors met at the Annual Healthcare Conference in January.", "Annual Healthcare"),
        ("Acme Oncology, Inc., formerly Oldname Pharma Inc., develops zelatinib.", "Oldname Pharma Inc."),
        # a former name given with "operating as" or "f/k/a" is the same company under its old name
        ("Founded in 2001 and operating as Oldname Biologics from 2012, the company rebranded in 2022.", "Oldname Biologics"),
        ("Acme Oncology, Inc. (f/k/a Oldname Therapeutics) develops zelatinib.", "Oldname Therapeutics"),
    ],
)
def test_not_companies(sentence, not_company):
    assert not_company not in _company_names(run(_release(sentence)))


@pytest.mark.parametrize(
    "sentence, company",
    [
        ("The drug was developed in collaboration with Zentrix.", "Zentrix"),
        ("The platform is licensed from Borvane under a 2019 agreement.", "Borvane"),
        ("Royalties come from sales of BRANDX, Corvane's eight-week treatment for hepatitis.", "Corvane"),
        ("Many large companies like Arvex, Belmont Laboratories and Dravix are working on solutions.", "Dravix"),
        ("Many large companies like Arvex, Belmont Laboratories and Dravix are working on solutions.", "Arvex"),
        ("In 2024, Helvane licensed Quorix's preclinical ALS therapy for $45 million.", "Quorix"),
        ("In 2024, Helvane licensed Quorix's preclinical ALS therapy for $45 million.", "Helvane"),
        ("Ulvane's 2020 Sorrel partnership involved $560 million upfront.", "Sorrel"),
        ("He previously served as Chief Medical Officer at Trevane and Head of Research at Ostrix.", "Ostrix"),
        ("Askor Inc. is a Zorvex spin-out.", "Zorvex"),
        ("Acme partnered with Moorvale to develop zelatinib in China.", "Moorvale"),
        ("Its licensee Pellwood sells zelatinib in Japan.", "Pellwood"),
        ("Acme's development partner Quorvane funds the trial.", "Quorvane"),
        ("Loxo@Acme, the oncology unit of Acme Biologics and Company, today announced data.", "Acme Biologics and Company"),
    ],
)
def test_companies_named_without_a_suffix_by_their_grammar(sentence, company):
    assert company in _company_names(run(_release(sentence)))


@pytest.mark.parametrize(
    "sentence, not_company",
    [
        ("The trial could open a new era in Alzheimer's treatment.", "Alzheimer"),
        ("Dr. Quist's treatment protocol was used.", "Quist"),
        ("The partnership with the FDA continues.", "FDA"),
        ("The collaboration with Boston University continues.", "Boston University"),
    ],
)
def test_grammar_does_not_make_companies_of_diseases_people_or_agencies(sentence, not_company):
    assert not_company not in _company_names(run(_release(sentence)))


# -- people ----------------------------------------------------------------------
def _people(extraction: Extraction) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.organization) for p in extraction.people}


@pytest.mark.parametrize(
    "sentence, name, role, organization",
    [
        ('"We are pleased," said Acme Oncology, Inc. (NASDAQ: ACME) CEO Jane Roe, "with the data."', "Jane Roe", "ceo",
         "Acme Oncology, Inc."),
        ("Acme is in talks with a partner, which CEO Tomas Vell calls transformative.", "Tomas Vell", "ceo", "Acme Oncology, Inc."),
        ("Acme announced the appointment of Mira K Osei, MD, MBA as its new Chief Medical Officer (CMO).", "Mira K Osei",
         "chief medical officer", "Acme Oncology, Inc."),
        ("The Company appointed Lars B. Holm as its Chief Financial Officer, replacing Ana Ruiz.", "Lars B. Holm",
         "chief financial officer", "Acme Oncology, Inc."),
        ("The Company announced the resignation of its Chief Financial Officer (\"CFO\") and Corporate Secretary, "
         "Piet Vos, with immediate effect.", "Piet Vos", "chief financial officer and corporate secretary", "Acme Oncology, Inc."),
        ("Ola Berg was named CEO, taking over from Ian Dahl, who continues to be a Director and the Chairman of the Board.",
         "Ian Dahl", "director and the chairman of the board", "Acme Oncology, Inc."),
        ("The event featured Ravi Menon, MD (Lakeside University Hospitals) and Ena Lutz, PharmD, BCCCP "
         "(Harbor General Hospital).", "Ena Lutz", None, "Harbor General Hospital"),
        ('"The data are clear," saidMara Quist, M.D., chief medical officer, Loxo@Acme. "We will go on."', "Mara Quist",
         "chief medical officer", "Loxo@Acme"),
        ('"The data are clear," said Dr. H Alex Brun, Professor of Neurology at Lakeside Medical School and a member of '
         "the Acme Scientific Advisory Board.", "H Alex Brun", "professor of neurology", "Lakeside Medical School"),
        ('"The data are clear," Lia Corr, Acme\'s chief medical officer and head of R&D, said.', "Lia Corr",
         "chief medical officer and head of r&d", "Acme Oncology, Inc."),
        ("Dr. Otto Feld, co-director of the Kane Center at Kestrel and Wren's Hospital, commented on the data.",
         "Otto Feld", "co-director of the kane center", "Kestrel and Wren's Hospital"),
    ],
)
def test_people_introduced_in_real_layouts(sentence, name, role, organization):
    people = _people(run(_release(sentence)))
    assert name in people, people
    assert people[name] == (role, organization)


@pytest.mark.parametrize(
    "sentence, not_person",
    [
        ("The Company appointed Jonas Murtagh as its Chief Financial Officer.", "Jonas Murtagh As"),
        ("Lord Feld was appointed Chair of the Board.", "Lord Feld"),
        ("Phase 2 trials of ACM-101 for Bipolar Disorder, MDD and PTSD are planned.", "Bipolar Disorder"),
        ("Contacts follow: Amy Lenz, Ph.D. Example Communications 315-555-0192", "Amy Lenz"),
        ('"We are pleased," said Wei Chen, professor at Lakeside University and director of hematology at '
         "Lakeside University People's Hospital.", "Lakeside University"),
    ],
)
def test_not_people(sentence, not_person):
    assert not_person not in _people(run(_release(sentence)))


def test_nickname_expands_only_when_the_corpus_writes_the_formal_name():
    from trialgraph.resolve import person_entity_key, resolve

    alone = run(_release('"Good data," said Cindy Lark, chief executive officer of Acme.'), "acme-2021-03-03")
    resolution = resolve([alone])
    assert resolution.people[person_entity_key("Cindy Lark")].label == "Cindy Lark"
    formal = run(_release('"Good data," said Cynthia Lark, chief executive officer of Acme.'), "acme-2021-04-03")
    resolution = resolve([alone, formal])
    assert resolution.people[person_entity_key("Cindy Lark")].label == "Cynthia Lark"


# -- companies on pasted pages --------------------------------------------------------
@pytest.mark.parametrize("glued", ["Path ForwardAcme Oncology", "Regarding Acme Oncology", "An Immunotherapeutics",
                                   "RET. About Acme Oncology", "Alzheimer's Disease Acme Oncology, Inc.",
                                   "Acme Oncology Pipeline Overview Acme Oncology"])
def test_headings_glued_to_names_are_not_companies(glued):
    text = _release(f"{glued} is advancing zelatinib. Acme Oncology is the sponsor of zelatinib.")
    assert glued not in _company_names(run(text))


def test_hong_kong_listing_and_full_width_short_name():
    text = _release("Sichuan Kestrel Biopharmaceutical Co., Ltd （\"Kestrel Bio\"）will present data. "
                    "Kestrel Bio（6990.HK）is a subsidiary of its parent.")
    from trialgraph.resolve import resolve

    extraction = run(text)
    listed = {(c.name, c.ticker, c.exchange) for c in extraction.companies if c.ticker}
    assert ("Kestrel Bio", "6990", "HKEX") in listed
    resolution = resolve([extraction])
    assert resolution.company("Kestrel Bio").label == "Sichuan Kestrel Biopharmaceutical Co., Ltd"  # as written


@pytest.mark.parametrize(
    "sentence, name, role, organization",
    [
        ("Rafael Ortiz-Lane, MD, Chair of the Department of Leukemia, The Lakeside University Cancer Center (LUCC), "
         "leads the study.", "Rafael Ortiz-Lane", "chair of the department of leukemia", "Lakeside University Cancer Center"),
        ('"Good data," said Nora Pell, M.D., associate professor of medicine, director of the Lakeside University '
         'Cancer Center Myeloma Program and principal investigator.', "Nora Pell", "associate professor of medicine",
         "Lakeside University Cancer Center"),
        ('"Good data," said Omar Reyes, M.D., of Harbor General Hospital in Boston, the lead author of the paper.',
         "Omar Reyes", "lead author of the paper", "Harbor General Hospital"),
        ('"Good data," said Eva Dorn, M.D., Medical Director Pediatric Programs and Professor of Pediatrics, '
         'Lakeside University, and lead investigator of the trial.', "Eva Dorn",
         "medical director pediatric programs and professor of pediatrics", "Lakeside University"),
    ],
)
def test_role_is_the_first_title_and_organization_the_institution(sentence, name, role, organization):
    assert _people(run(_release(sentence)))[name] == (role, organization)


@pytest.mark.parametrize("sentence", ["Oldco Holdings Announces Rebrand to Kestrel Therapeutics, Appointment of New Chair",
                                      "Oldco Holdings plc has changed its name to Kestrel Therapeutics Inc. this month."])
def test_a_renamed_company_is_one_company(sentence):
    text = _release(sentence, '"A new name," said Mia Lund, Chief Executive Officer of Oldco Holdings.')
    extraction = run(text)
    names = _company_names(extraction)
    assert not any(name.startswith("Oldco") for name in names)
    assert any(name.startswith("Kestrel Therapeutics") for name in names)
    assert _people(extraction)["Mia Lund"][1].startswith("Kestrel Therapeutics")


@pytest.mark.parametrize(
    "sentence, name, organization",
    [
        ("The grant-funded study, led by Dr. Lena Varga at the University of Lakeside, offers a signal.", "Lena Varga",
         "University of Lakeside"),
        ("The platform builds on the research of Professor Tomas Irving, an expert in immunology.", "Tomas Irving", None),
    ],
)
def test_a_doctor_or_professor_named_anywhere_is_a_person(sentence, name, organization):
    # "Professor" before the name is the one job title stated (GUIDE.md: the first title); "Dr." is no job
    role = "professor" if "Professor" in sentence else None
    assert _people(run(_release(sentence)))[name] == (role, organization)


@pytest.mark.parametrize(
    "sentence, name, role, organization",
    [
        # a credential the degree list does not know, written with a stop, does not end the title
        ("\u201cThe data are encouraging,\u201d said Mira Castell, M.D., MHSc., chief of the Division of Oncology "
         "and scientific investigator at Lakeview Health.", "Mira Castell", "chief of the division of oncology", "Lakeview Health"),
        ("Prof. Tomas Irving, MD, an academician of the Northland Academy of Sciences, leads the trial.", "Tomas Irving",
         "academician", "Northland Academy of Sciences"),
    ],
)
def test_titles_after_credentials_and_academic_titles(sentence, name, role, organization):
    found_role, found_org = _people(run(_release(sentence)))[name]
    assert found_role.startswith(role) and found_org == organization


@pytest.mark.parametrize(
    "sentence, ticker, exchange",
    [
        ("Kestrel Bio Corp. (Nasdaq: KSTB, KSTBW) reported interim data.", "KSTB", "NASDAQ"),
        ("Kestrel Bio Corp. (TSX: \u201cKSTB\u201d, OTC: \u201cKSTBF\u201d) reported interim data.", "KSTB", "TSX"),
    ],
)
def test_listings_with_warrants_and_quoted_tickers(sentence, ticker, exchange):
    listed = {(c.name, c.ticker, c.exchange) for c in run(_release(sentence)).companies}
    assert ("Kestrel Bio Corp.", ticker, exchange) in listed


def test_market_news_flash_gives_the_ticker():
    text = ("Kestrel Bio Reports Results\n\n(21:01 GMT) *Kestrel Bio 1Q Loss $22.3M >KSTB\n\n"
            "BOSTON, Mass.--(BUSINESS WIRE)--February 10, 2021--Kestrel Bio, Inc. today reported results.\n")
    listed = {(c.name, c.ticker) for c in run(text).companies}
    assert ("Kestrel Bio, Inc.", "KSTB") in listed


@pytest.mark.parametrize("funder", ["BARDA", "NIAID", "CPRIT"])
def test_public_funders_are_not_companies(funder):
    assert funder not in _company_names(run(_release(f"The program is funded through a collaboration with {funder}.")))


def test_a_regulatory_phrase_is_not_a_company():
    sentence = "The designation may make the drug eligible for Priority Review and Accelerated Biologics License Application approval."
    assert "Accelerated Biologics" not in _company_names(run(_release(sentence)))


def test_study_function_before_the_name_gives_way_to_the_job_title_after_it():
    sentence = ('"Many patients need this," said lead study author Mara Lind, M.D., Ph.D., FACC, an associate professor '
                "of cardiology at the Lakeside University Medical Center in Dallas.")
    assert _people(run(_release(sentence)))["Mara Lind"] == ("associate professor of cardiology",
                                                            "Lakeside University Medical Center")


# -- companies written in lower case, group members, service firms, trading names -------------
def _companies(text: str) -> dict[str, object]:
    return {c.name: c for c in run(text).companies}


def test_a_company_written_in_lower_case_keeps_its_ticker():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- zentrix bio, inc. (NASDAQ: ZTRX), a "
                       "clinical-stage company, today announced a license agreement with kelvara therapeutics, inc. for ZX-101.\n")
    assert found["zentrix bio, inc."].ticker == "ZTRX"
    assert "kelvara therapeutics, inc." in found


def test_group_members_and_service_firms_are_not_companies():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZTRX) today "
                       "announced a collaboration with Merivale Therapeutics, Inc. for ZX-101. The company was advised by "
                       "Halden & Co. LLC. Zentrix Bio, Inc. is the holding company for Zentrix Bio GmbH, Zentrix Labs Ltd. "
                       "and Zentrix Bio Australia Pty Ltd (together, the \"Group\").\n")
    assert set(found) == {"Zentrix Bio, Inc.", "Merivale Therapeutics, Inc."}


def test_a_trading_name_and_its_legal_name_are_one_company():
    found = _companies("Zentrix Update\n\nLONDON, June 1, 2021 /PRNewswire/ -- Zentrix Therapeutics today announced an "
                       "update on ZX-101. Zentrix Therapeutics (\"Zentrix\") is the trading name of Halvex Botanical "
                       "Holdings plc.\n")
    assert list(found) == ["Zentrix Therapeutics"]


def test_investigators_listed_with_their_institutions_in_parentheses():
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. today announced data for "
                     "ZX-101. Investigators include Dr. Mara Okonkwo (Halvorsen University Hospital) and Dr. Peter "
                     "Lindqvist (Nordvik Cancer Center).\n")
    assert {(p.name, p.organization) for p in extraction.people} == {
        ("Mara Okonkwo", "Halvorsen University Hospital"), ("Peter Lindqvist", "Nordvik Cancer Center")}


def test_a_possessive_title_before_the_name_between_commas():
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. today announced data for "
                     "ZX-101. Zentrix Bio's President and CEO, Jonas Vellmar, commented: \"This is great.\"\n")
    assert [(p.name, p.role) for p in extraction.people] == [("Jonas Vellmar", "president and ceo")]


def test_html_entities_of_scraped_pages_read_as_their_characters():
    from trialgraph.normalize import clean_markup

    text = "Vice President &amp; Head of R&amp;D at Zentrix&#39;s lab &nbsp;today"
    cleaned = clean_markup(text)
    assert len(cleaned) == len(text)  # offsets stay offsets in the release
    assert " ".join(cleaned.split()) == "Vice President & Head of R& D at Zentrix' s lab today"


@pytest.mark.parametrize("sentence, expected", [
    ("Mara Okonkwo, MD, a professor at Halvorsen University and lead investigator of the study, said the results "
     "were strong.", ("Mara Okonkwo", "professor", "Halvorsen University")),
    ("Mara Okonkwo, MD, Associate Professor of Radiology at Halvorsen University and Director of Imaging, said the "
     "results were strong.", ("Mara Okonkwo", "associate professor of radiology", "Halvorsen University")),
    ("According to Jonas Vellmar, Zentrix Bio's chief executive, the results were strong.",
     ("Jonas Vellmar", "chief executive", "Zentrix Bio, Inc.")),
])
def test_roles_end_at_the_first_title(sentence, expected):
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. today announced data "
                     f"for ZX-101. {sentence}\n")
    assert [(p.name, p.role, p.organization) for p in extraction.people] == [expected]


def test_a_company_named_by_an_appositive_owns_its_drug():
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio (NYSE American: ZTRX) today "
                     "announced that it acquired Kelvara, a privately held biotechnology company, for $50 million. "
                     "Kelvara's lead asset KV-101 is in a Phase 1 trial.\n")
    assert "Kelvara" in {c.name for c in extraction.companies}
    assert {d.name: d.company for d in extraction.drugs}["KV-101"] == "Kelvara"


def test_journals_and_news_outlets_are_not_companies():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZTRX) today "
                       "announced that data for ZX-101 were published in Annalen Oncology and covered by Quillpress Biotech. "
                       "Data were also reported by Merivale Therapeutics.\n")
    assert set(found) == {"Zentrix Bio, Inc.", "Merivale Therapeutics"}


@pytest.mark.parametrize("sentence, expected", [
    ("The study's lead investigator, Dr. Ingrid Halvorsen of Nordvik University, presented the data.",
     ("Ingrid Halvorsen", "lead investigator", "Nordvik University")),
    ("\"This is great,\" he said. Jonas Vellmar is the chief executive officer of Zentrix Bio.",
     ("Jonas Vellmar", "chief executive officer", "Zentrix Bio, Inc.")),
])
def test_titles_before_the_name_and_after_a_copula(sentence, expected):
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. today announced data "
                     f"for ZX-101. {sentence}\n")
    assert [(p.name, p.role, p.organization) for p in extraction.people] == [expected]


def test_an_agency_is_a_persons_organisation():
    extraction = run("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. today announced data "
                     "for ZX-101. \"This approval matters,\" said Jane Roe, M.D., director of the Oncology Center of "
                     "Excellence of the FDA.\n")
    assert [(p.name, p.role, p.organization) for p in extraction.people] == [
        ("Jane Roe", "director of the oncology center of excellence", "FDA")]


def test_the_sponsor_of_a_phased_study_is_a_company_but_a_code_is_not():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZTRX) today "
                       "announced data for ZX-101. In Kestrel Nordvale's Zenith 2 phase 3a randomized study, the comparator "
                       "lowered HbA1c. ZX-101's Phase 2 study enrolled 80 patients.\n")
    assert set(found) == {"Zentrix Bio, Inc.", "Kestrel Nordvale"}


def test_the_owner_of_a_known_product_is_a_company_and_owns_it():
    # "Company's Brand", "Companies' Brand" (plural possessive), "X holds rights to": companies by their grammar
    extraction = run(_release(
        "CAR-T medicines such as Kestrel Sciences\u2019 Kymriah and Borvane Nordic\u2019s Tecartus are approved. "
        "Moorvale holds rights to commercialize zelatinib outside the U.S. Acme came by zelatinib through its "
        "$4 billion acquisition of the ADC specialist Pellwood in 2023, after its acquisition of Kymriah rights."))
    names = _company_names(extraction)
    assert {"Kestrel Sciences", "Borvane Nordic", "Moorvale", "Pellwood"} <= names and "Kymriah" not in names
    owners = {d.name: d.company for d in extraction.drugs}
    assert owners["Kymriah"] == "Kestrel Sciences" and owners["Tecartus"] == "Borvane Nordic"


def test_without_a_dateline_the_headline_names_the_issuer():
    text = ("Kestrel's blockbuster Zelavia wins a new approval\n\n"
            "Kestrel's drug Zelavia was approved again. Rival medicines such as Borvane Sciences' Kymriah are "
            "also approved. Kestrel recorded Zelavia revenues of $1 billion.\n")
    extraction = run(text, doc_id="kestrel-news-2024-02-02")
    issuer = next(c.name for c in extraction.companies if c.is_issuer)
    assert issuer == "Kestrel"


def test_each_titled_person_of_a_list_keeps_their_own_organisation():
    found = _people(run(_release("The trial is led by investigators Dr. Lena Varga of Lakeside University, Dr. Tomas "
                                 "Irving of Northgate Hospital and Dr. Ines Moreau of Eastfield Cancer Center.")))
    assert found["Tomas Irving"][1] == "Northgate Hospital"
    assert found["Ines Moreau"][1] == "Eastfield Cancer Center"


def test_a_company_written_before_a_title_is_the_organisation():
    found = _people(run(_release("Jonas Vellmar, Acme Oncology co-founder and Chief Scientific Officer, commented: "
                                 "\"We are pleased.\"")))
    assert found["Jonas Vellmar"] == ("co-founder and chief scientific officer", "Acme Oncology, Inc.")


def test_an_institution_written_before_a_title_is_the_organisation():
    found = _people(run(_release("\"Good,\" said Jonas Vellmar, M.D., Lakeview Health hematology oncologist, Ridge "
                                 "Family Cancer Center and professor of hematology at Lakeview University, Irvine.")))
    role, organization = found["Jonas Vellmar"]
    assert organization == "Lakeview Health" and role.startswith("hematology oncologist")


def test_a_title_listing_disease_areas_keeps_its_organisation():
    found = _people(run(_release("With the investment, Jonas Vellmar, Ph.D., MBA, Vice President & Team Lead for Breast "
                                 "Cancer, Colorectal Cancer and Melanoma at Kestrel Pharma, will join the board.")))
    role, organization = found["Jonas Vellmar"]
    assert organization == "Kestrel Pharma" and role.startswith("vice president & team lead")


def test_an_appointee_described_before_the_name_is_a_person():
    found = _people(run(_release("Acme welcomed industry veteran Mara Okonkwo as its new Chief Financial Officer.")))
    assert found["Mara Okonkwo"] == ("chief financial officer", "Acme Oncology, Inc.")


# -- service suppliers and events are not companies (GUIDE.md) ------------
@pytest.mark.parametrize("sentence, supplier", [
    ("It signed an agreement with Brevik Laboratories Inc. for bioanalysis of samples from the trial.", "Brevik Laboratories"),
    ("Calder Research Ltd., a global contract research organization, will run the Phase 2 trial.", "Calder Research"),
    ("The CRO Calder Research Ltd. will run the Phase 2 trial.", "Calder Research"),
    ("Tollan Biologics Inc. was engaged to manufacture clinical supply, through its partner Vesk Pharma GmbH.", None),
    ("Management will attend Veltra Bio Europe in Milan (March) and Veltra International in Boston (June).", "Veltra"),
])
def test_suppliers_and_events_are_not_companies(sentence, supplier):
    names = [c.name for c in run(f"Acme Update\n\n{BODY} {sentence}\n").companies]
    if supplier:
        assert not any(supplier in n for n in names)
    else:
        assert any("Vesk Pharma" in n for n in names)


@pytest.mark.parametrize("sentence, company", [
    ("It licensed ACM-101 to Brevik Pharma Inc. for development in Japan.", "Brevik Pharma Inc."),
    ("Brevik Pharma Inc. in Boston, on June 3 joined the collaboration on ACM-101.", "Brevik Pharma Inc."),
])
def test_partners_near_service_or_event_words_stay_companies(sentence, company):
    assert company in [c.name for c in run(f"Acme Update\n\n{BODY} {sentence}\n").companies]


# -- a division the text ties to its parent is the parent (GUIDE.md) ------
@pytest.mark.parametrize("sentence", [
    "Zentrix Oncology, the oncology business of Zentrix Holdings Inc., leads Zentrix Oncology's ZX-101 program in a Phase 1 trial.",
    "Zentrix Oncology, Zentrix Holdings Inc.'s oncology division, leads Zentrix Oncology's ZX-101 program in a Phase 1 trial.",
])
def test_a_stated_division_is_its_parent(sentence):
    extraction = run(f"Acme Update\n\n{BODY} {sentence}\n")
    names = [c.name for c in extraction.companies]
    assert "Zentrix Holdings Inc." in names and "Zentrix Oncology" not in names
    drug = next(d for d in extraction.drugs if d.name == "ZX-101")
    assert drug.company == "Zentrix Holdings Inc."


@pytest.mark.parametrize("sentence, kept", [
    ("Zentrix Nanomedicine, Inc., a wholly owned subsidiary of Zentrix Holdings Inc., owns ZX-101.", "Zentrix Nanomedicine, Inc."),
    ("Zentrix Bio, Acme Oncology's business partner, co-develops ZX-101.", "Zentrix Bio"),
])
def test_subsidiaries_and_partners_are_not_divisions(sentence, kept):
    assert kept in [c.name for c in run(f"Acme Update\n\n{BODY} {sentence}\n").companies]


@pytest.mark.parametrize("name", ["José Núñez", "Søren Østergaard", "Hélène Lefèvre", "Mara van der Berg",
                                  "Luis de la Cruz", "Tomas DeAngelo"])
def test_names_with_accents_particles_and_inner_capitals(name):
    found = _people(run(_release(f'"We are pleased," said {name}, Ph.D., Chief Executive Officer of Acme.')))
    assert found == {name: ("chief executive officer", "Acme Oncology, Inc.")}


def test_a_generational_suffix_is_no_part_of_the_name_or_the_title():
    found = _people(run(_release('"We are pleased," said Mara J. Okonkwo, Jr., Chief Executive Officer of Acme.')))
    assert found == {"Mara J. Okonkwo": ("chief executive officer", "Acme Oncology, Inc.")}


@pytest.mark.parametrize("sentence, expected", [
    # the comma before "of" after the degrees, in a list of investigators and after a study function
    ("Investigators include Mara Okonkwo, M.D., of Halvorsen University Hospital, and Lena Varga, M.D., Ph.D., of "
     "Nordvik Cancer Center.", {"Mara Okonkwo": (None, "Halvorsen University Hospital"),
                                "Lena Varga": (None, "Nordvik Cancer Center")}),
    ('"Good data," said study investigator Mara Okonkwo, M.D., of Halvorsen University.',
     {"Mara Okonkwo": ("study investigator", "Halvorsen University")}),
    # a description of the organisation, or of the occasion, after the title is no part of it
    ('"Good data," said Mara Okonkwo, M.D., Chief Medical Officer at Kelvara Therapeutics, a partner of Acme.',
     {"Mara Okonkwo": ("chief medical officer", "Kelvara Therapeutics")}),
    ('"Good data," said Mara Okonkwo, CEO of Acme, in a statement.', {"Mara Okonkwo": ("ceo", "Acme Oncology, Inc.")}),
    # a corporate suffix after a comma belongs to the organisation's name
    ('"Good data," said Mara Okonkwo, PhD, Chief Development Officer, Kelvara Pharma, Inc.',
     {"Mara Okonkwo": ("chief development officer", "Kelvara Pharma, Inc.")}),
    # a function of the board, then the organisation named by a last "of"
    ('"Good data," said Mara Okonkwo, Chairperson of the Board of Directors of Kelvara Therapeutics.',
     {"Mara Okonkwo": ("chairperson of the board of directors", "Kelvara Therapeutics")}),
    # the organisation's possessive before the title, between commas, whatever verb follows
    ("Kelvara Therapeutics' Chief Medical Officer, Dr. Peter Lindqvist, presented the data.",
     {"Peter Lindqvist": ("chief medical officer", "Kelvara Therapeutics")}),
    ("Peter Lindqvist, Acme's Chief Financial Officer, will present at the conference.",
     {"Peter Lindqvist": ("chief financial officer", "Acme Oncology, Inc.")}),
    ("Dr. Lena Varga, the Company's Chief Medical Officer, added: \"We are pleased.\"",
     {"Lena Varga": ("chief medical officer", "Acme Oncology, Inc.")}),
    # appointments stated with a copula
    ("Mara Okonkwo has been appointed Chief Financial Officer of Kelvara Therapeutics.",
     {"Mara Okonkwo": ("chief financial officer", "Kelvara Therapeutics")}),
    ("Acme announced that Mara Okonkwo has joined the company as Senior Vice President, Regulatory Affairs.",
     {"Mara Okonkwo": ("senior vice president", "Acme Oncology, Inc.")}),
    # a department between the title and the university: the university is the organisation
    ('"Good data," said Lena Varga, MD, Professor and Chair, Department of Medicine, Halvorsen University.',
     {"Lena Varga": ("professor and chair, department of medicine", "Halvorsen University")}),
])
def test_appositions_possessives_and_copulas_give_role_and_organisation(sentence, expected):
    assert _people(run(_release(sentence))) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Acme President and CEO Mara Okonkwo said the data were strong.", ("president and ceo", "Acme Oncology, Inc.")),
    ("Kelvara Pharma AG's CEO Mara Okonkwo commented on the agreement.", ("ceo", "Kelvara Pharma AG")),
    ("The Company's CEO Mara Okonkwo said the data were strong.", ("ceo", "Acme Oncology, Inc.")),
    ('"We are pleased," said Acme chief executive Mara Okonkwo.', ("chief executive", "Acme Oncology, Inc.")),
    ("Mara Okonkwo, PhD, Kelvara Pharma AG President & CEO, said the data were strong.", ("president & ceo", "Kelvara Pharma AG")),
    ("Mara Okonkwo, Ph.D., Chief Scientific Officer, Kelvara Pharma AG, will present the data.",
     ("chief scientific officer", "Kelvara Pharma AG")),
    # a function after the comma is part of the title, not an organisation
    ('"We are pleased," said Mara Okonkwo, Senior Director, Clinical Development, Acme.',
     ("senior director, clinical development", "Acme Oncology, Inc.")),
])
def test_titles_before_the_name_and_organisations_after_a_comma(sentence, expected):
    assert _people(run(_release(sentence))) == {"Mara Okonkwo": expected}


def test_a_second_title_with_its_own_organisation_gives_way_to_the_first():
    found = _people(run(_release('"We are pleased," said Neil Varga, Founder and Non-Executive Director of Acme, and '
                                 "Managing Partner of Kestrel Capital Partners LLP.")))
    assert found == {"Neil Varga": ("founder and non-executive director", "Acme Oncology, Inc.")}


@pytest.mark.parametrize("sentence, expected", [
    ('"We are pleased," said Mara Okonkwo, Head of Research and Development.',
     ("head of research and development", "Acme Oncology, Inc.")),
    ('"We are pleased," said Mara Okonkwo, Senior Director, Clinical Operations.',
     ("senior director, clinical operations", "Acme Oncology, Inc.")),
    # a study function without an organisation names none
    ('"We are pleased," said Mara Okonkwo, M.D., principal investigator of the trial.',
     ("principal investigator of the trial", None)),
])
def test_a_corporate_title_without_an_organisation_is_the_issuers(sentence, expected):
    assert _people(run(_release(sentence))) == {"Mara Okonkwo": expected}


def test_a_persons_other_posts_are_companies_only_when_their_names_say_drugs():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZTRX) today "
                       "announced a new chair for ZX-101's sponsor. Mara Okonkwo also serves as a Non-Executive Director "
                       "at Brightline Media Ltd, and Halcyon Security Limited, and on the board of Kelvara Therapeutics Inc.\n")
    assert set(found) == {"Zentrix Bio, Inc.", "Kelvara Therapeutics Inc."}


def test_a_former_employer_stays_a_company_whatever_its_name():
    found = _companies("Zentrix Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Zentrix Bio, Inc. (NASDAQ: ZTRX) today "
                       "appointed Mara Okonkwo as Chief Medical Officer. She previously served as Vice President at Kelvar.\n")
    assert "Kelvar" in found


@pytest.mark.parametrize("sentence, expected", [
    ('Mara Okonkwo, MD, Chief Medical Officer, Kelvara Pharma AG: "We are pleased."', ("chief medical officer", "Kelvara Pharma AG")),
    ('Quote from Mara Okonkwo, CEO of Acme: "We are pleased."', ("ceo", "Acme Oncology, Inc.")),
    ('"We are pleased," said Mara Okonkwo, Ph.D., Kelvara Pharma AG.', (None, "Kelvara Pharma AG")),
    ('"We are pleased," said Mara Okonkwo, MD, PhD, of the Department of Medicine at Halvorsen University.',
     (None, "Halvorsen University")),
    ('"We are pleased," said Mara Okonkwo, Kelvara Pharma, Inc.\'s Chief Executive Officer.',
     ("chief executive officer", "Kelvara Pharma, Inc.")),
    ('"We are pleased," stated Mara Okonkwo, Chief Executive Officer of Acme (NASDAQ: ACME).',
     ("chief executive officer", "Acme Oncology, Inc.")),
])
def test_attributions_closed_by_a_colon_organisations_alone_and_departments(sentence, expected):
    assert _people(run(_release(sentence))) == {"Mara Okonkwo": expected}


@pytest.mark.parametrize("sentence, expected", [
    ('"We are pleased," said Acme Chief Executive Officer, Mara Okonkwo.', ("chief executive officer", "Acme Oncology, Inc.")),
    ('"We are pleased," said Kelvara Pharma AG\'s Chief Executive Officer, Dr. Mara Okonkwo.',
     ("chief executive officer", "Kelvara Pharma AG")),
    ('Kelvara Pharma AG is a partner. "We are pleased," said Kelvara CEO Mara Okonkwo.', ("ceo", "Kelvara Pharma AG")),
])
def test_the_title_between_the_verb_and_the_name(sentence, expected):
    assert _people(run(_release(sentence))) == {"Mara Okonkwo": expected}


def test_a_misspelt_organisation_is_the_company_the_release_names():
    found = _people(run("Kelvara Update\n\nBOSTON, June 1, 2021 /PRNewswire/ -- Kelvara Oncology, Inc. (NASDAQ: KLVR) "
                        "today announced data for KV-101. \"We are pleased,\" said Mara Okonkwo, Chief Executive Officer of "
                        "Kelvarra Oncology, Inc..\n"))
    assert found == {"Mara Okonkwo": ("chief executive officer", "Kelvara Oncology, Inc.")}


def test_appositions_of_job_titles_alone_name_the_issuers_officers():
    found = _people(run(_release("The call will be hosted by Mara Okonkwo, President and CEO, and Peter Lindqvist, CFO. "
                                 "Lena Varga, Chief Medical Officer, will present at the conference.")))
    assert found == {"Mara Okonkwo": ("president and ceo", "Acme Oncology, Inc."),
                     "Peter Lindqvist": ("cfo", "Acme Oncology, Inc."),
                     "Lena Varga": ("chief medical officer", "Acme Oncology, Inc.")}


def test_a_title_followed_by_another_organisation_is_not_a_bare_title():
    found = _people(run(_release("Jonas Vellmar, Ph.D., Vice President, Medicine Team Lead for Breast Cancer, Colorectal "
                                 "Cancer and Melanoma, Kestrel Pharma, to join the advisory board.")))
    assert found.get("Jonas Vellmar", (None, None))[1] != "Acme Oncology, Inc."


@pytest.mark.parametrize("sentence, name, expected", [
    ('"We are pleased," said Sir Mara Okonkwo, Chairman of Kelvara Pharma AG.', "Mara Okonkwo", ("chairman", "Kelvara Pharma AG")),
    ('"We are pleased," said Professor Sir Peter Lindqvist, Chair of the Scientific Advisory Board of Acme.', "Peter Lindqvist",
     ("chair of the scientific advisory board", "Acme Oncology, Inc.")),
    ('"We are pleased," said Prof. Dr. Jürgen Brandt, Chief Scientific Officer of Acme.', "Jürgen Brandt",
     ("chief scientific officer", "Acme Oncology, Inc.")),
])
def test_honorifics_before_the_name_and_committees_of_an_organisation(sentence, name, expected):
    assert _people(run(_release(sentence))) == {name: expected}


def test_every_person_pattern_needs_the_name_shape_that_gates_it():
    """people._candidates skips a sentence without _NAME_SHAPE: each pattern must need a name."""
    from trialgraph.extractors import people

    for pattern in (*people._NAMED_PATTERNS, people.APPOSITION_AREAS):
        assert people.PERSON in pattern.pattern or people._SURNAMES in pattern.pattern, pattern.pattern[:80]


@pytest.mark.parametrize("text", [
    '"We are pleased," said Dr. Mara van der Berg, Chief Medical Officer of Zentrix Bio.',
    "Zentrix Bio appointed José Núñez-Østergaard as Chief Financial Officer.",
    "R. J. McNeil, M.D., Ph.D., professor of medicine at Example University, led the study.",
    "Søren O'Neill, the Company's CEO, commented on the results.",
    "Zentrix CEO Luis de la Cruz said the trial met its endpoint.",
    "The trial enrolled 120 patients with plaque psoriasis in Europe.",
])
def test_name_shape_gate_keeps_every_candidate(text):
    from trialgraph.extractors import people

    expected = [m.group(0) for p in people._NAMED_PATTERNS for m in p._pattern.finditer(text)
                if people.clean_person_name(m.group("name"))]
    assert [m.group(0) for m, _ in people._candidates.__wrapped__(text)][:len(expected)] == expected
    if expected:
        assert people._NAME_SHAPE.search(text)
