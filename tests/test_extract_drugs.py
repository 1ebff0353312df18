"""Drugs found through the public drug dictionary (lexicons/drug_names.py),
combinations, ownership and DrugBank links.

Sponsors, code names and people are invented; the marketed drugs are real
dictionary entries (that is what the dictionary is for) chosen because no
shared corpus names them.
"""
from __future__ import annotations

import importlib.util

import pytest

from test_extractors import announce, drug_named
from trialgraph.extractors.drugs import is_inn
from trialgraph.lexicons import drug_names
from trialgraph.normalize import name_key


def drugs(*paragraphs: str, **kwargs) -> dict[str, object]:
    extraction = announce(*paragraphs, **kwargs)
    return {name_key(d.name): d for d in extraction.drugs}


def names_of(drug) -> set[str]:
    return {name_key(drug.name), *(name_key(a.name) for a in drug.aliases)}


@pytest.mark.parametrize("sentence, expected", [
    ("Patients previously treated with Lipitor were enrolled in the Phase 2 trial of ACM-101.", "lipitor"),
    ("ACM-101 is being studied in combination with warfarin in a Phase 1 study.", "warfarin"),
    ("The Phase 2 study compares ACM-101 with Gleevec in patients with CML.", "gleevec"),
    ("ACM-101 was given with warfarin sodium in the Phase 1b trial.", "warfarin sodium"),
    ("Patients in the Phase 2 trial of ACM-101 continued treatment with insulin.", "insulin"),
])
def test_dictionary_drugs_are_found(sentence, expected):
    found = drugs(sentence)
    assert name_key(expected) in {k for d in found.values() for k in names_of(d)}


def test_brand_and_inn_of_one_dictionary_drug_are_one_drug():
    found = drugs("ACM-101 was combined with Coumadin in a Phase 1 study. Warfarin doses were adjusted weekly.")
    groups = [names_of(d) for d in found.values()]
    assert {"coumadin", "warfarin"} in groups


@pytest.mark.parametrize("sentence", [
    "The results worsen over time without ACM-101 in the Phase 2 trial.",  # an English word ending like an INN
    "Insulin resistance improved in the Phase 2 trial of ACM-101.",  # a common word needs a drug cue
    "ACM-101 lowered blood glucose in the Phase 2 trial.",
])
def test_ordinary_words_are_not_drugs(sentence):
    found = drugs(sentence)
    assert set(found) == {name_key("ACM-101")}


def test_brand_written_in_lower_case_is_not_a_brand():
    table = drug_names.lexicon()
    assert [h.surface for h in table.find("Patients on Lipitor")] == ["Lipitor"]
    assert table.find("patients on lipitor") == []
    assert [h.surface for h in table.find("patients on warfarin")] == ["warfarin"]


def test_word_inside_a_longer_token_is_not_a_hit():
    table = drug_names.lexicon()
    assert table.find("anti-warfarin antibodies") == []
    assert table.find("warfarin-7 isotope") == []


def test_fixed_dose_combination_is_one_drug_and_its_ingredients_are_not_drugs():
    found = drugs("ACM-101 was compared with emtricitabine/tenofovir in the Phase 2 trial.")
    assert name_key("emtricitabine/tenofovir") in found
    assert name_key("emtricitabine") not in found and name_key("tenofovir") not in found


def test_combination_brand_and_its_ingredient_list_are_one_drug():
    found = drugs("ACM-101 was compared with Truvada (emtricitabine tablets; tenofovir tablets) in the Phase 2 trial.")
    assert name_key("truvada") in found
    assert name_key("emtricitabine") not in found and name_key("tenofovir") not in found


def test_drugs_given_together_with_a_brand_stay_separate():
    found = drugs("The Phase 2 study tests ACM-101 in combination with Gleevec/warfarin in patients with CML.")
    assert name_key("gleevec") in found and name_key("warfarin") in found


def test_drug_named_only_as_a_combination_partner_and_elsewhere_keeps_its_line():
    found = drugs("ACM-101 was compared with emtricitabine/tenofovir in the Phase 2 trial. "
                  "Tenofovir alone was given in the control arm.")
    assert name_key("emtricitabine/tenofovir") in found and name_key("tenofovir") in found


def test_drugbank_id_of_brand_inn_and_unknown_code():
    assert drug_names.drugbank_iri(["ACM-101", "Lipitor"]) == "https://go.drugbank.com/drugs/DB01076"
    assert drug_names.drugbank_iri(["atorvastatin"]) == "https://go.drugbank.com/drugs/DB01076"
    assert drug_names.drugbank_iri(["ACM-101"]) is None


def test_ordinary_english_words_ending_like_inn_stems_are_not_inns():
    assert not is_inn("worsen")
    assert is_inn("zelatinib")


@pytest.mark.skipif(importlib.util.find_spec("drug_named_entity_recognition") is None
                    or importlib.util.find_spec("wordfreq") is None,
                    reason="needs the lexicon tool extra: pip install -e '.[lexicon]'")
def test_shipped_lexicon_regenerates_byte_for_byte():
    from importlib import resources

    from trialgraph.tools import gen_drug_lexicon

    shipped = resources.files("trialgraph.lexicons").joinpath(drug_names.FILE).read_bytes()
    assert gen_drug_lexicon.render(gen_drug_lexicon.build_rows()) == shipped


def test_graph_links_dictionary_drugs_to_drugbank_and_merges_brand_with_inn(tmp_path):
    from test_extractors import make_release
    from trialgraph import pipeline
    from trialgraph.facts import facts
    from trialgraph.graphsource import load_dataset

    (tmp_path / "acme-2021-03-03.txt").write_text(make_release(
        "ACM-101 was combined with Lipitor in the Phase 1 study."), encoding="utf-8")
    (tmp_path / "acme-2021-04-05.txt").write_text(make_release(
        "ACM-101 was combined with atorvastatin in the Phase 2 study."), encoding="utf-8")
    built = pipeline.build([tmp_path])
    assert built.report.conforms
    out = tmp_path / "graph.trig"
    out.write_bytes(pipeline.serialize_trig(built.assembly))
    rows = [r for r in facts(load_dataset(out)) if r["kind"] == "drug"]
    linked = {(r["doc"], r["name"], r["drugbank"]) for r in rows if r["drugbank"]}
    assert {doc for doc, _, _ in linked} == {"acme-2021-03-03", "acme-2021-04-05"}
    assert len({(name, iri) for _, name, iri in linked}) == 1  # one drug, one canonical name across releases
    assert {iri for _, _, iri in linked} == {"https://go.drugbank.com/drugs/DB01076"}
    assert all(r["drugbank"] is None for r in rows if r["name"] == "ACM-101")


@pytest.mark.parametrize("code", ["ACM-Zq7", "ACM-QD1", "ACM-1Q", "Q-ACM47", "AC-QDZ-1", "ACx-104"])
def test_code_names_with_letters_after_the_hyphen_or_mixed_case(code):
    found = drugs(f"{code}, our lead candidate, is in a Phase 2 trial in patients with gout.")
    assert name_key(code) in found


@pytest.mark.parametrize("text", [
    "The ZELTA-2 trial enrolled 40 patients with gout treated with ACM-101.",  # a study name
    "The ACM-Gout-02 study enrolled 40 patients treated with ACM-101.",  # a study code with a word in it
    "ACM-101 lowered HSV-2 shedding and IL-1Ra levels in the Phase 2 trial.",  # viruses, cytokines
    "ACM-101 is a Phase 2 drug for patients with the BCR-ABL1 fusion.",  # a gene fusion
])
def test_study_names_genes_and_viruses_are_not_code_names(text):
    assert set(drugs(text)) == {name_key("ACM-101")}


PARTNER = "Acme Oncology entered a collaboration with Zeta Pharma, Inc. (NYSE: ZETA) last year."


def owner_of(found, name):
    return found[name_key(name)].company


@pytest.mark.parametrize("sentence", [
    "ACM-101 is studied in combination with Zeta Pharma's Lipitor in the Phase 2 trial.",
    "ACM-101 is studied with Zeta Pharma's cholesterol-lowering medicine, Lipitor, in the Phase 2 trial.",
    "ACM-101 is studied with Lipitor, Zeta Pharma's statin, in the Phase 2 trial.",
    "ACM-101 is studied with Lipitor in the Phase 2 trial. Lipitor is marketed by Zeta Pharma in the US.",
    "ACM-101 is studied with a statin sold by Zeta Pharma under the brand name Lipitor in the Phase 2 trial.",
])
def test_a_partners_drug_belongs_to_the_partner(sentence):
    found = drugs(PARTNER, sentence)
    assert name_key(owner_of(found, "Lipitor")) == name_key("Zeta Pharma, Inc.")
    assert name_key(owner_of(found, "ACM-101")) == name_key("Acme Oncology, Inc.")


@pytest.mark.parametrize("sentence", [
    "ACM-101 reduced LDL cholesterol by 40% compared to Lipitor in the Phase 2 trial.",
    "ACM-101 reduced LDL cholesterol by 40% vs. Lipitor in the Phase 2 trial.",
    "In the Phase 2 trial, patients in the Lipitor control arm had fewer events than ACM-101 patients.",
    "ACM-101 was given in the Phase 2 trial together with Lipitor.",  # a marketed partner drug, no owner stated
])
def test_comparators_and_marketed_partner_drugs_are_not_the_sponsors(sentence):
    found = drugs(sentence)
    other = next(d for k, d in found.items() if k != name_key("ACM-101"))
    assert other.company is None


def test_a_partners_therapy_with_or_without_another_drug_does_not_own_it():
    found = drugs(PARTNER, "ACM-101 is given with Zeta Pharma's statin therapy, with or without warfarin, in the Phase 2 trial.")
    assert owner_of(found, "warfarin") is None


@pytest.mark.parametrize("text", [
    "ACM-101 is tested in a Phase 2 combination trial in gout (ACMS003) evaluating its safety.",
    "ACMS004 is a new Phase 2, open label study of ACM-101 in gout.",
])
def test_codes_the_text_calls_studies_are_not_drugs(text):
    assert set(drugs(text)) == {name_key("ACM-101")}


@pytest.mark.parametrize("sentence, name", [
    ("Acme also advances ZELORA\u2122, an oral immune modulator aimed at relapse prevention.", "ZELORA"),
    ("Acme's first-generation candidate, QUANTRA\u2122, has shown responses in a Phase 2 trial.", "QUANTRA"),
    ("ZetaB, the company's novel gout treatment, met its primary endpoint.", "ZetaB"),
    ("Acme advances two candidates: (i) VORELA\u00ae, an oral prodrug, and (ii) ACM-101.", "VORELA"),
])
def test_product_names_introduced_as_drugs(sentence, name):
    found = drugs(sentence)
    assert name_key(name) in found
    assert name_key(found[name_key(name)].company) == name_key("Acme Oncology, Inc.")


@pytest.mark.parametrize("sentence", [
    "NSCLC, a disease with no approved therapy, remains the focus of ACM-101.",
    "The NASDAQ, the exchange where Acme trades, listed ACM-101 news.",
])
def test_appositives_that_describe_no_drug(sentence):
    assert set(drugs(sentence)) == {name_key("ACM-101")}


def test_a_new_inn_with_an_ending_the_dictionary_teaches_is_a_drug():
    # "-nicline" ends several dictionary INNs and no English word; "zorvanicline" is invented
    assert is_inn("zorvanicline")
    assert name_key("zorvanicline") in drugs("Acme's zorvanicline met its primary endpoint in the Phase 3 trial.")


@pytest.mark.parametrize("word", ["information", "cholesterol", "glycoprotein", "headline", "understand"])
def test_learnt_inn_endings_match_no_english_word(word):
    assert not is_inn(word)


def test_regimen_acronyms_are_drugs_without_an_owner():
    found = drugs("ACM-101 is studied in combination with FOLFIRI/Lipitor in a Phase 2 trial.")
    assert found[name_key("FOLFIRI")].company is None
    assert name_key("lipitor") in found


@pytest.mark.parametrize("sentence, name, not_name", [
    ("ACM-101 is given with liposomal warfarin in the Phase 2 trial.", "liposomal warfarin", "warfarin"),
    ("ACM-101 is given with nab-paclitaxel in the Phase 2 trial.", "nab-paclitaxel", "paclitaxel"),
])
def test_a_formulation_of_an_inn_is_its_own_drug(sentence, name, not_name):
    found = drugs(sentence)
    assert name_key(name) in found and name_key(not_name) not in found


def test_platform_prefixed_inn_is_the_sponsors_product():
    found = drugs("Acme's ZetaFORM-atorvastatin lowered LDL cholesterol more than Lipitor in the Phase 2 trial.")
    assert name_key(found[name_key("ZetaFORM-atorvastatin")].company) == name_key("Acme Oncology, Inc.")
    assert found[name_key("Lipitor")].company is None


@pytest.mark.parametrize("phrase", ["warfarin-based", "warfarin-refractory", "warfarin-naive"])
def test_drug_inside_a_compound_adjective_is_named(phrase):
    found = drugs(f"ACM-101 is studied in {phrase} patients in the Phase 2 trial.")
    assert name_key("warfarin") in found


def test_code_named_as_a_study_in_an_appositive_is_not_a_drug():
    assert set(drugs("ACM-101 builds on ACMS-12-Z1, a phase 1/2 study in gout.")) == {name_key("ACM-101")}


@pytest.mark.parametrize("sentence", [
    "ACM-101 was also administered with the checkpoint inhibitor atorvastatin in a Phase 1 study.",
    "ACM-101 in combination with atorvastatin entered a Phase 2 trial.",
    "The Phase 2 trial tests ACM-101 plus atorvastatin in gout.",
])
def test_drugs_only_given_with_the_sponsors_drug_are_not_the_sponsors(sentence):
    assert drugs(sentence)[name_key("atorvastatin")].company is None


def test_we_developed_a_drug_makes_it_the_sponsors():
    found = drugs("ACM-101 entered a Phase 2 trial. We developed and are commercializing velorinib for gout.")
    assert name_key(found[name_key("velorinib")].company) == name_key("Acme Oncology, Inc.")


def test_appositive_discovered_by_names_the_owner():
    found = drugs(PARTNER, "Atorvastatin, a statin discovered by Zeta Pharma, is given with ACM-101 in the Phase 2 trial.")
    assert name_key(owner_of(found, "atorvastatin")) == name_key("Zeta Pharma, Inc.")


@pytest.mark.parametrize("inn", ["zalonogene parvovec", "velotibeglogene autotemcel", "zelocabtagene autoleucel"])
def test_two_word_inns_of_gene_and_cell_therapies_are_one_drug(inn):
    found = drugs(f"The Phase 3 trial compared ACM-101 with {inn} in sickle cell disease.")
    assert name_key(inn) in found


def test_a_code_glued_to_a_heading_is_not_a_new_drug():
    found = drugs("Clinical Studies For ACM-QD1ACM-QD1 is in a Phase 2 trial. ACM-QD1, our lead candidate, is well tolerated.")
    assert name_key("ACM-QD1") in found and name_key("ACM-QD1ACM-QD1") not in found


# -- code names beside studies, INNs and descriptions ----------------------------
def test_a_code_with_a_letter_suffix_described_as_a_drug_is_no_study():
    found = drugs("The company also reported data for ZX-202A, an oral inhibitor, in the Phase 2 ZEN-301 trial.")
    assert "zx202a" in found
    assert "zen301" not in found  # "the Phase 2 CODE trial" names a study


def test_a_code_followed_by_its_inn_is_that_drug():
    found = drugs("The company reported data for ZX-909 (zelvorinib) in healthy volunteers.")
    drug = next(d for d in found.values() if "zelvorinib" in names_of(d))
    assert "zx909" in names_of(drug)


def test_a_product_name_with_an_owned_appositive_is_the_issuers():
    extraction = announce("The company reported data for Zentavir™, its lead product candidate, in chronic hepatitis B.")
    drug = drug_named(extraction, "Zentavir")
    assert drug is not None and drug.company == extraction.companies[0].name


def test_a_brand_named_by_its_sales_at_the_start_of_a_sentence_is_a_drug():
    ex = announce("Sales of Vexorna grew 20% in the quarter.", "Approval of Quimbra is expected next year.")
    assert drug_named(ex, "Vexorna") is not None and drug_named(ex, "Quimbra") is not None


def test_a_brand_named_by_its_approval_or_launch_is_a_drug():
    extraction = announce("The FDA approval of ZELORA® follows the Phase 3 program. Dr. Mara Okonkwo previously served as "
                          "Chief Medical Officer at Qorvant Pharmaceuticals, Inc., where she oversaw the approval and commercial "
                          "launch of Velmiqa.")
    zelora, velmiqa = drug_named(extraction, "ZELORA"), drug_named(extraction, "Velmiqa")
    assert zelora is not None and velmiqa is not None
    # named only beside another company, never the issuer: that company's product
    assert velmiqa.company == "Qorvant Pharmaceuticals, Inc."
    # "approval of Phase ..." or "launch of New ..." open other phrases
    assert drug_named(announce("The approval of Phase 3 plans and the launch of New programs were discussed."), "Phase") is None


def test_a_code_described_by_what_it_does_is_a_drug():
    found = drugs("The pipeline has five candidates. ZX-771 disrupts the progression of the disease by targeting plaques.")
    assert "zx771" in found


def test_ingredients_and_descriptors_of_another_product_are_not_drugs():
    found = drugs("ZX-404, a patented cocrystal, delivers lithium by combining lithium, salicylate, and L-proline. "
                  "ZX-505 is a first-in-class oral gemcitabine prodrug.")
    assert "lproline" not in found and "gemcitabine" not in found
    # the same generic given as a treatment is a drug
    assert "gemcitabine" in drugs("ZX-505 is given with gemcitabine in the Phase 2 trial.")


def test_product_names_without_digits_introduced_by_an_appositive():
    found = drugs("The company also reported data for Zentivo, its investigational oral therapy, in chronic cough, "
                  "and completed a Phase 2 trial of its lead program, ZEN-LUMA, a lentiviral gene therapy. The "
                  "antibody targets B7-H3, a tumour antigen.")
    assert "zentivo" in found and "zenluma" in found
    assert "b7h3" not in found  # a target, not a product


def test_a_drug_code_with_a_study_number_is_a_protocol_not_a_drug():
    found = drugs("The company reported data for its drug candidate ZX-101 from the ZX-101-201 study. ZX-101 is an "
                  "oral inhibitor; the ZX-101-201 study enrolled 80 patients and ZX-101-201 results were positive.")
    assert "zx101" in found and "zx101201" not in found


@pytest.mark.parametrize("sentence, name, owner", [
    ("Net product revenue of ZENTRIVA was $12 million.", "ZENTRIVA", "issuer"),
    ("Zelmira is indicated for the treatment of adults with dry eye disease.", "Zelmira", "issuer"),
    ("Patients previously treated with Qorvix, a marketed JAK inhibitor from Qorvant Pharma, were enrolled.", "Qorvix",
     "Qorvant Pharma"),
])
def test_brands_named_by_what_only_a_product_is(sentence, name, owner):
    extraction = announce(sentence)
    drug = drug_named(extraction, name)
    assert drug is not None
    assert drug.company == (extraction.companies[0].name if owner == "issuer" else owner)


def test_a_new_brand_listed_with_known_brands_is_a_marketed_drug():
    extraction = announce("Patients had progressed on CAR-T therapies like Abecma and Zelvykti, or on Abecma and Kestrel "
                          "Holm Acme's Brandtwo.")
    drug = drug_named(extraction, "Zelvykti")
    assert drug is not None and drug.company is None
    assert drug_named(extraction, "Kestrel") is None  # the first word of a company's name


def test_a_code_with_a_formulation_tag_is_the_same_drug():
    # "ZX-002 7P (7 peptide formulation)" beside "ZX-002": one drug named by its bare code
    found = drugs("ZX-002 is a structurally novel cancer vaccine. ZX-002 2P (2 peptide formulation) is studied in a "
                  "Phase 1 trial. ZX-002 7P (7 peptide formulation) is being studied in a Phase 1/2 trial. "
                  "ZX-002 7P was well tolerated.", lead="new data for its vaccine candidate ZX-002 7P.")
    assert "zx002" in found and "zx0027p" not in found
    assert "zx0027p" in names_of(found["zx002"])


def test_codes_that_only_share_a_prefix_stay_apart():
    found = drugs("ZX-002 and ZX-003 are oral inhibitors in Phase 1 trials.", lead="data for ZX-002 and ZX-003.")
    assert {"zx002", "zx003"} <= set(found)


def test_a_drug_naming_what_a_germ_resists_is_no_drug():
    # "ampicillin-resistant Enterococci": the antibiotic names the organism, no drug is given
    found = drugs("Antibiotic use raises the risk of ampicillin-resistant Enterococci infection and of "
                  "erythromycin-resistant Streptococcus pneumoniae.")
    assert "ampicillin" not in found and "erythromycin" not in found
    found = drugs("Patients received ampicillin before the infusion of ACM-101.")
    assert "ampicillin" in found


def test_a_recurring_new_brand_named_beside_what_only_a_medicine_has_is_a_drug():
    found = drugs("Its lead program is ZenVuraTM, which targets cutaneous lymphoma. ZenVura is applied as an ointment. "
                  "ZenVura's safety profile was favourable. Physicians see ZenVura as a first-line treatment.")
    assert "zenvura" in found
    # a platform written the same way is no drug, however often it is named
    found = drugs("The CellVista platform makes vaccines. CellVista made ACM-101 as a treatment. "
                  "CellVista doses are small. CellVista therapy is new.")
    assert "cellvista" not in found
    # named twice only: not enough to call a new word a product
    found = drugs("ZenVura is applied as an ointment. ZenVura's safety profile was favourable.")
    assert "zenvura" not in found


@pytest.mark.parametrize("sentence, name", [
    ("Acme's lead drug candidate, Zelbrevo, is an oral KRAS inhibitor.", "zelbrevo"),
    ("The company's lead product candidate, TRX, is a tumor-targeting peptide.", "trx"),
])
def test_a_name_set_off_after_candidate_is_the_candidate(sentence, name):
    found = drugs(sentence)
    assert name in found and found[name].company == "Acme Oncology, Inc."


@pytest.mark.parametrize("sentence, name", [
    ("ZX-101 is given with Kestrel's approved drug Velquora for lupus.", "velquora"),
    ("The Phase 2 trial compares ACM-101 to best supportive care and to Ovaltrex, an approved antiviral.", "ovaltrex"),
])
def test_new_brands_named_by_a_drug_noun(sentence, name):
    assert name in drugs(sentence)


def test_a_medicine_maker_is_no_brand():
    assert "lakeview" not in drugs("Patients switched to Lakeview, an approved medicine maker.")


def test_the_subject_of_a_developers_verb_owns_the_drug():
    extraction = announce("Kestrel Pharma, Inc. is developing zentacabtagene autoleucel, an autologous cell therapy. "
                          "Acme is developing ACM-101 in combination with cobicistat.")
    owners = {d.name: d.company for d in extraction.drugs}
    assert owners["zentacabtagene autoleucel"] == "Kestrel Pharma, Inc."
    assert owners["cobicistat"] is None


def test_a_cell_therapys_short_form_is_an_alias_of_its_inn():
    found = drugs("Acme is developing zentacabtagene autoleucel (zenta-cel), an autologous CAR-T therapy. "
                  "Zenta-cel was well tolerated.")
    assert "zentacabtagene autoleucel" in {d.name for d in found.values()}
    drug = next(d for d in found.values() if d.name == "zentacabtagene autoleucel")
    assert "zentacel" in names_of(drug) and "zentacel" not in found


@pytest.mark.parametrize("sentence", [
    "The first patient was dosed with ZX-701 3.5 mg in the Phase 1 trial.",
    "ZX-701 3 mg was well tolerated in the Phase 1 trial.",
    "Patients received ZX-701 10 mg/kg every three weeks in the Phase 2 trial.",
])
def test_a_dose_after_a_code_is_not_part_of_its_name(sentence):
    """"CODE 3.5 mg": the number is the dose, not a tag of the code ("CODE 7P")."""
    found = drugs(sentence, lead="an update on ZX-701.")
    assert name_key("ZX-701") in found
    assert not any(k.startswith(name_key("ZX-701")) and k != name_key("ZX-701") for k in found)


@pytest.mark.parametrize("lead, code", [
    ("that the first patient was dosed with QB-9 in its Phase 1 trial.", "QB-9"),
    ("new data on investigational MRV-7 in gout.", "MRV-7"),
    ("that ZX-5, an oral small molecule inhibitor of KRAS, entered the clinic.", "ZX-5"),
    ("first patient dosed in the Phase 2 trial of QB-9 in gout.", "QB-9"),
    ("that ZX-5 received Orphan Drug Designation from the FDA.", "ZX-5"),
])
def test_a_one_digit_code_is_a_drug_where_its_clause_says_medicine(lead, code):
    assert name_key(code) in drugs(lead=lead)


@pytest.mark.parametrize("lead", [
    "that patients who received BCL-2 inhibitors or an IL-6 antibody enrolled in the Phase 2 trial of ACM-101.",
    "that the Phase 2 ABC-3 trial of ACM-101 completed enrollment.",  # a study
    "that LAG-3 and TIM-3 expression rose in the Phase 2 study of ACM-101.",  # targets
    "that the XR-5 scanner was used in the Phase 2 study of ACM-101.",  # a device
    "that arm AR-2 of the Phase 2 study of ACM-101 is enrolling.",  # a cohort label
])
def test_a_one_digit_code_without_a_medicine_clause_is_not_a_drug(lead):
    assert set(drugs(lead=lead)) == {name_key("ACM-101")}


@pytest.mark.parametrize("lead", [
    "new data on ZenTrava, its investigational photodynamic therapy. Using a synthetic molecule called hypericin "
    "that becomes active in light, ZenTrava treats lesions. ZenTrava was well tolerated in the Phase 3 trial.",
    "that ZorVexa, its lead product candidate, met its endpoint. ZorVexa, whose active ingredient is imatinib, "
    "was well tolerated in the Phase 3 trial.",
    "that imatinib, the active ingredient of ZorVexa, met its endpoint. ZorVexa, its lead product candidate, "
    "was well tolerated in the Phase 3 trial.",
])
def test_a_products_active_ingredient_is_the_same_drug(lead):
    groups = [names_of(d) for d in drugs(lead=lead).values()]
    assert len(groups) == 1 and len(groups[0]) == 2


def test_a_drug_given_with_a_product_is_not_its_ingredient():
    lead = ("that ZorVexa, its lead product candidate, was given with imatinib in the Phase 3 trial; "
            "its active ingredient is undisclosed.")
    assert len(drugs(lead=lead)) == 2


@pytest.mark.parametrize("lead, code", [
    ("that ZX-7 (imatinib) met its endpoint in the Phase 3 trial.", "ZX-7"),
    ("that it has dosed the first patient with QB-9 tablets.", "QB-9"),
])
def test_a_one_digit_code_with_its_inn_or_dosage_form_is_a_drug(lead, code):
    assert any(name_key(code) in names_of(d) for d in drugs(lead=lead).values())


@pytest.mark.parametrize("lead, substance", [
    ("that ZorVexa (synthetic hypericin) met its endpoint in the Phase 3 trial.", "hypericin"),
    ("that ZorVexa\u2122 (hypericin sodium) met its endpoint in the Phase 3 trial; hypericin was well tolerated.", "hypericin"),
    ("that Zorvexa (imatinib mesylate) met its endpoint in the Phase 3 trial with imatinib.", "imatinib"),
])
def test_a_mixed_case_brand_and_its_substance_are_one_drug(lead, substance):
    groups = [names_of(d) for d in drugs(lead=lead).values()]
    assert len(groups) == 1 and {name_key("ZorVexa"), name_key(substance)} <= groups[0]


@pytest.mark.parametrize("sentence", [
    # a modality word is what the code is: "an antisense oligonucleotide", "an siRNA"
    "The European Medicines Agency granted PRIME eligibility to ZX-7730, an antisense oligonucleotide, for Angelman syndrome.",
    "Zentrix Bio nominated ZX-7731, an siRNA against a liver target, for development.",
    # a business update's bullet labelled by the product it is about
    "- ZX-7732: Enrolment in Angelman syndrome went ahead of plan.",
    "ZX-7733 (velmarsen): Enrolment in Angelman syndrome went ahead of plan.",
])
def test_a_code_named_by_its_modality_or_labelling_an_item_is_a_drug(sentence):
    found = drugs(sentence)
    code = next(w for w in sentence.replace(",", " ").replace(":", " ").split() if w.startswith("ZX-"))
    assert name_key(code) in {k for d in found.values() for k in names_of(d)}


def test_a_currency_amount_is_no_code_name():
    found = drugs("Total revenue was RMB 412.8 million and HKD 96 million of milestones, up 63% year on year.")
    assert not {k for k in found if k.startswith(("rmb", "hkd"))}


@pytest.mark.parametrize("sentence", [
    "Zentrix Bio acquired Quenby Therapeutics, adding ZX-880, an oral FGF21 analogue for MASH, to its pipeline.",
    "ZX-881, a selective GPR40 agonist, entered a Phase 1 study in type 2 diabetes.",
])
def test_a_gene_symbol_a_drug_mimics_or_acts_on_is_no_drug(sentence):
    found = drugs(sentence)
    keys = {k for d in found.values() for k in names_of(d)}
    assert not keys & {"fgf21", "gpr40"}
    assert keys & {"zx880", "zx881"}


@pytest.mark.parametrize("sentence, code", [
    ("ASH-0921, an antibody-drug conjugate, entered the dose-expansion part of the Phase 1/2 study.", "ASH-0921"),
    ("The company initiated two Phase 3 trials of BRL-7730, its oral TYK2 inhibitor.", "BRL-7730"),
    ("MM-3105 is being studied in a Phase 2 trial in multiple myeloma.", "MM-3105"),
])
def test_a_code_whose_letters_are_also_a_meeting_currency_or_disease_is_a_drug(sentence, code):
    assert drug_named(announce(sentence), code) is not None


@pytest.mark.parametrize("sentence, word", [
    ("Data were presented at ASH 2025 in the Phase 2 trial of ACM-101.", "ASH 2025"),
    ("Revenue reached BRL 120 million while the Phase 2 trial of ACM-101 enrolled.", "BRL 120"),
    ("The ASH-2025 abstract described the Phase 2 trial of ACM-101.", "ASH-2025"),
])
def test_a_meeting_year_or_currency_amount_is_not_a_drug(sentence, word):
    assert drug_named(announce(sentence), word) is None
