"""Deterministic generator of invented biotech press releases, for benchmarks.

    python benchmarks/generator.py 10000 /tmp/releases [--seed 0]

Every name is invented here (syllable soup). Releases vary in kind
(designation, interim results, trial start, corporate update), in phrasing
(several templates per fact) and carry noise the extractors must cope with:
misspelt company names, nicknames in quotes, drugs called by code and by
name, renamed drugs. `generate()` returns, per release, the facts it states,
so tests can check the real extractors recover them.
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

SYLLABLES = ["vel", "tra", "zor", "mena", "quil", "daro", "fen", "lumo", "praxi", "sola", "teva", "ori", "kal",
             "nexa", "vira", "bren", "cota", "galo", "hylo", "ixi", "juno", "myra", "pelo", "rova", "sira", "tavi"]
COMPANY_SUFFIX = ["Therapeutics", "Oncology", "Biosciences", "Pharmaceuticals", "Bio", "Biotherapeutics"]
STEMS = ["mab", "tinib", "ciclib", "lisib", "rafenib", "parib", "degib", "tuzumab", "zomib", "stat"]
FIRST = [("Robert", "Bob"), ("William", "Bill"), ("Margaret", "Maggie"), ("Katherine", "Kate"), ("James", "Jim"),
         ("Elizabeth", "Liz"), ("Thomas", "Tom"), ("Jennifer", "Jen"), ("Michael", "Mike"), ("Susan", "Sue")]
LAST = ["Orlova", "Brandt", "Quenby", "Haldane", "Morrow", "Tisdale", "Vance", "Okonjo", "Ferreira", "Lindqvist",
        "Achebe", "Nakamura", "Pellegrini", "Castell", "Dunmore", "Wexley"]
PLACES = [("CAMBRIDGE", "Mass.", "Cambridge, Massachusetts"), ("SAN DIEGO", "Calif.", "San Diego, California"),
          ("BOSTON", "Mass.", "Boston, Massachusetts"), ("SOUTH SAN FRANCISCO", "Calif.", "South San Francisco, California"),
          ("PRINCETON", "N.J.", "Princeton, New Jersey"), ("SEATTLE", "Wash.", "Seattle, Washington"),
          ("GAITHERSBURG", "Md.", "Gaithersburg, Maryland"), ("DURHAM", "N.C.", "Durham, North Carolina")]
INDICATIONS = [("acute myeloid leukemia", "AML"), ("multiple myeloma", "MM"), ("glioblastoma", "GBM"),
               ("non-small cell lung cancer", "NSCLC"), ("diffuse large B-cell lymphoma", "DLBCL"),
               ("pancreatic cancer", None), ("ovarian cancer", None), ("neuroblastoma", None),
               ("hepatocellular carcinoma", "HCC"), ("soft tissue sarcoma", None)]
DESIGNATIONS = [("orphan_drug", "Orphan Drug Designation"), ("fast_track", "Fast Track Designation"),
                ("breakthrough_therapy", "Breakthrough Therapy Designation"), ("rare_pediatric_disease",
                "Rare Pediatric Disease Designation")]
WIRES = ["(GLOBE NEWSWIRE)", "/PRNewswire/", "(BUSINESS WIRE)"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TRIAL_WORDS = ["ZEPHYR", "CALDERA", "LUMEN", "AURORA", "SOLSTICE", "MERIDIAN", "TEMPEST", "HALCYON"]


@dataclass
class Company:
    name: str
    short: str
    ticker: str
    exchange: str
    place: tuple[str, str, str]
    ceo: tuple[str, str]
    website: str
    drugs: list["Drug"] = field(default_factory=list)


@dataclass
class Drug:
    code: str
    inn: str
    former: str | None
    indication: tuple[str, str | None]
    phase: str
    trial_name: str | None


@dataclass
class Generated:
    doc_id: str
    text: str
    facts: set[tuple] = field(default_factory=set)  # (kind, value...) stated by the release


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name.split()[0]) - 1)
    return name[:i] + name[i] + name[i:]  # doubled letter, the commonest slip


def _universe(rng: random.Random, n_companies: int) -> list[Company]:
    companies, seen, tickers = [], set(), set()
    misses = 0
    while len(companies) < n_companies:
        # Two syllables give 676 names; once they run short (100,000 releases
        # want 5,000 companies) go to three. Smaller corpora never reach 2,000
        # misses, so they stay exactly what they were.
        syllables = 2 + misses // 2000
        stem = _word(rng, syllables).capitalize()
        if stem in seen:
            misses += 1
            continue
        seen.add(stem)
        ticker = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in range(4))
        if ticker in tickers:
            continue
        tickers.add(ticker)
        name = f"{stem} {rng.choice(COMPANY_SUFFIX)}, Inc."
        # With three-syllable names, longer codes and INNs too: else 5,000
        # companies share 3,380 code prefixes and merge each other's drugs, and
        # the corpus gets denser (bigger entities) as it grows.
        letters = stem[:2] if syllables == 2 else stem[0] + stem[len(stem) // 3] + stem[2 * len(stem) // 3] + stem[-1]
        prefix = (letters + rng.choice("KQXZV")).upper()
        company = Company(name, stem, ticker, rng.choice(["NASDAQ", "NYSE"]), rng.choice(PLACES),
                          (rng.choice(FIRST), rng.choice(LAST)), f"www.{stem.lower()}.example")
        for k in range(rng.randint(1, 3)):
            inn = _word(rng, syllables) + rng.choice(STEMS)
            former = f"{prefix[:2]}{rng.randint(10, 99)}" if rng.random() < 0.3 else None
            trial = f"{rng.choice(TRIAL_WORDS)}-{rng.randint(1, 9)}" if rng.random() < 0.4 else None
            company.drugs.append(Drug(f"{prefix}-{100 + 7 * k + rng.randint(0, 6)}", inn, former,
                                      rng.choice(INDICATIONS), rng.choice(["1", "1/2", "2", "3"]), trial))
        companies.append(company)
    return companies


def _date(rng: random.Random) -> tuple[str, str]:
    year, month, day = rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return f"{MONTHS[month - 1]} {day}, {year}", f"{year}-{month:02d}-{day:02d}"


def _drug_name(rng: random.Random, drug: Drug) -> str:
    return rng.choice([f"{drug.inn} ({drug.code})", f"{drug.code} ({drug.inn})", drug.code])


def _designation(rng, company, drug, dname, facts) -> tuple[str, list[str]]:
    code, label = rng.choice(DESIGNATIONS)
    agency = "FDA" if code != "orphan_drug" or rng.random() < 0.8 else "EMA"
    indication = drug.indication[0]
    facts.add(("designation", code, agency))
    who = {"FDA": "the U.S. Food and Drug Administration (FDA)", "EMA": "the European Medicines Agency (EMA)"}[agency]
    headline = f"{company.short} Receives {'FDA' if agency == 'FDA' else 'EMA'} {label} for {drug.code}"
    body = [rng.choice([
        f"{company.name} (NASDAQ: {company.ticker}), a clinical-stage biotechnology company, today announced that "
        f"{who} has granted {label} to {dname} for the treatment of {indication}.",
        f"{company.name} ({company.exchange}: {company.ticker}) today announced that {who} granted {label} to "
        f"{dname}, its lead candidate, for the treatment of patients with {indication}.",
    ])]
    return headline, body


def _results(rng, company, drug, dname, facts) -> tuple[str, list[str]]:
    phase = drug.phase
    facts.add(("trial", phase))
    trial = f"Phase {phase} {drug.trial_name + ' ' if drug.trial_name else ''}study"
    unit = rng.choice(["mg/kg", "mg/m2", "mg"])
    doses = sorted(rng.sample([1, 2, 3, 4, 6, 8, 10, 12, 15, 20], rng.randint(2, 3)))
    headline = f"{company.short} Reports Positive Interim Results from {trial.title()} of {drug.code} in {drug.indication[0].title()}"
    body = [f"{company.name} ({company.exchange}: {company.ticker}) today announced interim results from its ongoing "
            f"{trial} of {dname} in adults with relapsed or refractory {drug.indication[0]}."]
    lines = []
    for i, dose in enumerate(doses, start=1):
        n = rng.randint(5, 12)
        responders = rng.randint(1, n)
        orr = round(100 * responders / n)
        facts.add(("cohort", float(dose), unit))
        facts.add(("result", "ORR", float(orr)))
        lines.append(rng.choice([
            f"Cohort {i} ({dose} {unit}, n={n}): objective response rate (ORR) of {orr}% ({responders} of {n} patients)",
            f"Cohort {i} ({dose} {unit}, n={n}): ORR of {orr}% ({responders} of {n} patients)",
        ]))
    body.append(f"The open-label study enrolled {rng.randint(15, 60)} patients. Patients received {drug.code} "
                f"by intravenous infusion every {rng.choice(['two', 'three'])} weeks in {len(doses)} dose cohorts:")
    body.append("\n".join(lines))
    mos = rng.choice([5.5, 7.4, 8.2, 9.1, 11.3, 14.0])
    facts.add(("result", "mOS", mos))
    body.append(rng.choice([
        f"The median overall survival (mOS) was {mos} months across all cohorts.",
        f"Median overall survival was {mos} months at the data cutoff.",
    ]))
    if rng.random() < 0.5:
        pfs = rng.choice([3.2, 4.6, 5.9, 7.1])
        facts.add(("result", "mPFS", pfs))
        body.append(f"Median progression-free survival (mPFS) was {pfs} months.")
    return headline, body


def _start(rng, company, drug, dname, facts) -> tuple[str, list[str]]:
    facts.add(("trial", drug.phase))
    headline = f"{company.short} Doses First Patient in Phase {drug.phase} Trial of {drug.code}"
    body = [rng.choice([
        f"{company.name} ({company.exchange}: {company.ticker}) today announced that the first patient has been dosed "
        f"in its Phase {drug.phase} clinical trial of {dname} in patients with {drug.indication[0]}.",
        f"{company.name} ({company.exchange}: {company.ticker}) today announced dosing of the first patient in a "
        f"randomized Phase {drug.phase} study evaluating {dname} for the treatment of {drug.indication[0]}.",
    ])]
    return headline, body


def _corporate(rng, company, drug, dname, facts) -> tuple[str, list[str]]:
    headline = f"{company.short} Reports {rng.choice(['Full Year', 'Third Quarter', 'Second Quarter'])} Financial Results"
    body = [f"{company.name} ({company.exchange}: {company.ticker}) today reported financial results and provided "
            f"a business update. Cash and equivalents were ${rng.randint(20, 400)}.{rng.randint(0, 9)} million."]
    return headline, body


KINDS = ((_designation, 3), (_results, 4), (_start, 2), (_corporate, 1))


def release(rng: random.Random, company: Company, index: int, prefix: str = "") -> Generated:
    drug = rng.choice(company.drugs)
    when, iso = _date(rng)
    doc_id = f"{prefix}{company.short.lower()}-{iso}-{index:06d}"
    facts = {("company", company.name), ("release", iso)}
    dname = _drug_name(rng, drug)
    facts.add(("drug", drug.inn if drug.inn in dname else drug.code))
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    headline, body = kind(rng, company, drug, dname, facts)
    city, state, full_place = company.place
    body[0] = f"{city}, {state}, {when} {rng.choice(WIRES)} -- " + body[0]
    (first, nick), last = company.ceo
    said = f"{nick if rng.random() < 0.3 else first} {last}"
    shown = _typo(rng, company.name) if rng.random() < 0.1 else company.short
    body.append(f'"We are encouraged by the progress of {drug.code}," said {said}, Ph.D., President and Chief '
                f'Executive Officer of {shown}. "We look forward to the next steps for patients."')
    if drug.former:
        body.append(f"{drug.code} (formerly {drug.former}) is an investigational therapy for {drug.indication[0]}.")
    about = (f"About {company.short}\n\n{company.name} is a clinical-stage biotechnology company headquartered in "
             f"{full_place}, developing {drug.inn} and other therapies for patients with cancer. For more "
             f"information, please visit {company.website}.")
    fls = ("Forward-Looking Statements\n\nThis press release contains forward-looking statements, including "
           f"statements regarding the timing of data for {drug.code}. Actual results may differ materially.")
    contacts = f"Contacts\n\nInvestors:\n{rng.choice(FIRST)[0]} {rng.choice(LAST)}\nir@{company.short.lower()}.example"
    text = "\n\n".join([headline, *body, about, fls, contacts]) + "\n"
    return Generated(doc_id, text, facts)


def stated(extraction) -> set[tuple]:
    """The facts an Extraction found, in the shape of `Generated.facts`."""
    out = {("release", extraction.release.date)}
    out |= {("company", c.name) for c in extraction.companies}
    for d in extraction.drugs:
        out |= {("drug", d.name)} | {("drug", a.name) for a in d.aliases}
    out |= {("designation", d.type, d.agency) for d in extraction.designations}
    out |= {("trial", t.phase) for t in extraction.trials}
    out |= {("cohort", float(c.dose), c.dose_unit) for c in extraction.cohorts if c.dose is not None}
    out |= {("result", r.endpoint, float(r.value)) for r in extraction.results}
    return out


def generate(n: int, seed: int = 0, prefix: str = "") -> list[Generated]:
    rng = random.Random(seed)
    companies = _universe(rng, max(10, n // 20))
    return [release(rng, rng.choice(companies), i, prefix) for i in range(n)]


def write(n: int, folder: Path, seed: int = 0, prefix: str = "") -> list[Generated]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    releases = generate(n, seed, prefix)
    for item in releases:
        (folder / f"{item.doc_id}.txt").write_text(item.text, encoding="utf-8")
    return releases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write(args.n, args.folder, args.seed)


if __name__ == "__main__":
    main()
